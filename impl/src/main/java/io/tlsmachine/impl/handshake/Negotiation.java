package io.tlsmachine.impl.handshake;

import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Optional;

/**
 * Holds what one connection's hellos have settled so far: version, cipher suite, group, signature, ALPN protocol,
 * server name, both randoms, the legacy session ID and the peer's verified chain; the steps change it through methods
 * named for the choice they make.
 */
final class Negotiation {

    private ProtocolVersion version;
    private SuiteParameters suite;
    private KeyExchangeGroup group;
    private SignatureAlgorithm signature;
    private String applicationProtocol;
    private String serverName;
    /** A server's identity of the session this connection established or resumed (see {@link #identifySession}). */
    private Opaque sessionIdentity;
    /** What only the hellos' exchange needs; dropped after a TLS 1.3 handshake, kept after TLS 1.2 (exporters). */
    private HelloValues hello = new HelloValues();

    /** The values the hellos carry that the steps read back while the handshake runs. */
    private static final class HelloValues {
        /** Server: the record_size_limit to answer the client's with (RFC 8449), or null. */
        private RecordSizeLimit recordSizeLimitAnswer;
        private byte[] clientRandom;
        private byte[] serverRandom;
        private Opaque sessionId = Opaque.EMPTY;
        private VerifiedChain peerChain;
        /** Server: the chain and key chosen for this handshake among the configured ones. */
        private CertifiedKey credential;
    }

    ProtocolVersion version() {
        return version;
    }

    SuiteParameters suite() {
        return suite;
    }

    KeyExchangeGroup group() {
        return group;
    }

    SignatureAlgorithm signature() {
        return signature;
    }

    String applicationProtocol() {
        return applicationProtocol;
    }

    RecordSizeLimit recordSizeLimitAnswer() {
        return hello == null ? null : hello.recordSizeLimitAnswer;
    }

    String serverName() {
        return serverName;
    }

    byte[] clientRandom() {
        return hello == null ? null : hello.clientRandom;
    }

    byte[] serverRandom() {
        return hello == null ? null : hello.serverRandom;
    }

    Opaque sessionId() {
        return hello == null ? Opaque.EMPTY : hello.sessionId;
    }

    VerifiedChain peerChain() {
        return hello == null ? null : hello.peerChain;
    }

    /** Records the protocol version both sides now speak. */
    void agreeVersion(ProtocolVersion agreed) {
        version = agreed;
    }

    /** Records the cipher suite the server chose (or, while retrying or resuming, the one it will choose). */
    void chooseSuite(SuiteParameters chosen) {
        suite = chosen;
    }

    /** Records the key exchange group of the (EC)DHE exchange. */
    void chooseGroup(KeyExchangeGroup chosen) {
        group = chosen;
    }

    /** Records the signature algorithm that authenticates the server (null when none signs, e.g. a resumption). */
    void chooseSignature(SignatureAlgorithm chosen) {
        signature = chosen;
    }

    /** Server: records the chain and key this handshake presents (RFC 8446 §4.4.2.2, RFC 5246 §7.4.2). */
    void chooseCredential(CertifiedKey chosen) {
        hello.credential = chosen;
    }

    /** Server: the chain and key chosen for this handshake. */
    CertifiedKey credential() {
        if (hello == null || hello.credential == null) {
            throw new IllegalStateException("no server credential chosen");
        }
        return hello.credential;
    }

    /** Records the ALPN protocol (RFC 7301), or null when none was agreed. */
    void chooseApplicationProtocol(String chosen) {
        applicationProtocol = chosen;
    }

    /** Server: records the record_size_limit to answer the client's with (RFC 8449), or null. */
    void answerRecordSizeLimit(RecordSizeLimit answer) {
        hello().recordSizeLimitAnswer = answer;
    }

    /** Records the server name this connection is for (null when none). */
    void nameServer(String name) {
        serverName = name;
    }

    /** Records the ClientHello's random (RFC 8446 §4.1.2). */
    void recordClientRandom(byte[] random) {
        hello().clientRandom = random;
    }

    /** Records the ServerHello's random (RFC 8446 §4.1.3). */
    void recordServerRandom(byte[] random) {
        hello().serverRandom = random;
    }

    /** Records the legacy_session_id the ClientHello carries (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2). */
    void useSessionId(Opaque id) {
        hello().sessionId = id;
    }

    /** Records the peer's certificate chain once it was verified. */
    void peerVerified(VerifiedChain chain) {
        hello().peerChain = chain;
    }

    /** The hello values, made again when a TLS 1.3 post-handshake authentication records a peer chain. */
    private HelloValues hello() {
        if (hello == null) {
            hello = new HelloValues();
        }
        return hello;
    }

    /** Returns what the decoder must know to decode the next message of {@code peer}. */
    DecodeContext decodeContext(Role peer) {
        if (version == null || suite == null) {
            return DecodeContext.beforeNegotiation(peer);
        }
        if (version == ProtocolVersion.TLS13) {
            return DecodeContext.tls13(peer, suite.hash().length());
        }
        return DecodeContext.tls12(peer, suite.keyExchange());
    }

    /** Returns the negotiated parameters once the version and suite are known. */
    Optional<NegotiatedParameters> parameters(boolean resumed) {
        if (version == null || suite == null) {
            return Optional.empty();
        }
        return Optional.of(new NegotiatedParameters(version, suite.suite(), Optional.ofNullable(group),
                Optional.ofNullable(signature), Optional.ofNullable(applicationProtocol), resumed,
                Optional.ofNullable(serverName),
                Optional.ofNullable(sessionIdentity).map(identity -> java.util.HexFormat.of().formatHex(identity.toByteArray()))));
    }

    /**
     * Records a server's identity of this connection's session: a new one for a full handshake, the resumed
     * session's for a resumption; the tickets it issues carry it (see {@link SessionTickets}).
     */
    void identifySession(Opaque identity) {
        sessionIdentity = identity;
    }

    /** The identity recorded by {@link #identifySession}; empty before. */
    Opaque sessionIdentity() {
        return sessionIdentity == null ? Opaque.EMPTY : sessionIdentity;
    }

    /**
     * Drops what nothing reads once the handshake is done: the peer's chain (the API does not expose it; a TLS 1.3
     * post-handshake authentication sets it anew) and, after TLS 1.3, the randoms and legacy_session_id: exporters
     * use the exporter_master_secret (RFC 8446 §7.5), KeyUpdate the traffic secrets (§7.2), tickets the resumption
     * secret (§4.6.1); and the key log has no line for later secrets.
     */
    void releaseHandshakeState() {
        if (version == ProtocolVersion.TLS13) {
            hello = null;
        } else if (hello != null) {
            hello.peerChain = null;
        }
    }
}
