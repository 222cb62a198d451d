package io.tlsmachine;

import io.tlsmachine.model.ProtocolVersion;
import java.util.Locale;
import java.util.Optional;

/**
 * Lists what a handshake negotiated: version, suite, key exchange group, the signature scheme the server (or,
 * for a client engine, the peer) authenticated with, ALPN, whether it resumed a session, the SNI name, and, on a
 * server, the identity of the session (new in a full handshake, the resumed session's in a resumption, in hex: a
 * TLS 1.2 session ID or random; tickets carry it), so that an application can tell which session was resumed.
 *
 * @param version the protocol version
 * @param cipherSuite the cipher suite
 * @param group the key exchange group; empty for a TLS 1.3 psk_ke resumption or a TLS 1.2 RSA key transport
 * @param signatureScheme the signature scheme the peer (a server engine: the client) signed with; empty when nobody signed
 * @param applicationProtocol the ALPN protocol (RFC 7301), if one was agreed
 * @param resumed whether a session was resumed
 * @param serverName the server name (SNI, RFC 6066 §3), if one was sent
 * @param sessionIdentity a server's identity of the session, in hex; empty on a client
 */
public record NegotiatedParameters(ProtocolVersion version, CipherSuite cipherSuite, Optional<KeyExchangeGroup> group,
        Optional<SignatureAlgorithm> signatureScheme, Optional<String> applicationProtocol, boolean resumed,
        Optional<String> serverName, Optional<String> sessionIdentity) {

    /**
     * Returns one line for people, e.g. {@code TLS13, TLS_AES_128_GCM_SHA256, x25519, ecdsa_secp256r1_sha256, full
     * handshake} (the command line prints exactly this).
     */
    @Override
    public String toString() {
        return version + ", " + cipherSuite
                + group.map(g -> ", " + g.name().toLowerCase(Locale.ROOT)).orElse("")
                + signatureScheme.map(s -> ", " + s.name().toLowerCase(Locale.ROOT)).orElse("")
                + applicationProtocol.map(a -> ", ALPN " + a).orElse("")
                + (resumed ? ", resumed" : ", full handshake");
    }
}
