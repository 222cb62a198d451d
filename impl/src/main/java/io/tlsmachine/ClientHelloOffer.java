package io.tlsmachine;

import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ClientHello offers that a server may choose its credential, ALPN protocol and suite order by, given to a
 * {@link ClientHelloSelector}.
 *
 * @param version the version the server will negotiate (TLS 1.3 when both sides have it, else TLS 1.2)
 * @param serverName the host name in server_name (RFC 6066 §3), if any
 * @param applicationProtocols the client's ALPN protocols (RFC 7301), in its order; empty without ALPN
 * @param signatureSchemes the client's signature_algorithms we implement (RFC 8446 §4.2.3), in its order
 * @param cipherSuites the client's cipher_suites (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2), in its order of preference,
 *     unknown code points included
 */
public record ClientHelloOffer(ProtocolVersion version, Optional<String> serverName, List<String> applicationProtocols,
        List<SignatureAlgorithm> signatureSchemes, List<CipherSuite> cipherSuites) {

    /**
     * Copies the lists and checks that nothing is null.
     *
     * @param version the version the server will negotiate (TLS 1.3 when both sides have it, else TLS 1.2)
     * @param serverName the host name in server_name (RFC 6066 §3), if any
     * @param applicationProtocols the client's ALPN protocols (RFC 7301), in its order; empty without ALPN
     * @param signatureSchemes the client's signature_algorithms we implement (RFC 8446 §4.2.3), in its order
     * @param cipherSuites the client's cipher_suites, in its order of preference
     */
    public ClientHelloOffer {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(serverName, "serverName");
        applicationProtocols = List.copyOf(applicationProtocols);
        signatureSchemes = List.copyOf(signatureSchemes);
        cipherSuites = List.copyOf(cipherSuites);
    }
}
