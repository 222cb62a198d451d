package io.tlsmachine.impl.handshake;

import io.tlsmachine.ClientHelloOffer;
import io.tlsmachine.ClientHelloSelector;
import io.tlsmachine.impl.codec.extension.ApplicationLayerProtocolNegotiation;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Summarises a ClientHello as the {@link ClientHelloOffer} a server's {@link ClientHelloSelector} gets. */
final class ClientHelloOffers {
    private ClientHelloOffers() {}

    /** RFC 8446 §4.2.3 (signature_algorithms), RFC 7301 §3.1 (ALPN), RFC 6066 §3 (server_name), §4.1.2 (cipher_suites). */
    static ClientHelloOffer of(ClientHello hello, ProtocolVersion version, String serverName) {
        List<String> protocols = hello.extension(ApplicationLayerProtocolNegotiation.class)
                .map(alpn -> alpn.protocols().stream().map(Hellos::protocolName).toList()).orElse(List.of());
        List<SignatureAlgorithm> schemes = hello.extension(SignatureAlgorithms.class)
                .map(offered -> offered.schemes().stream().map(scheme -> SignatureAlgorithm.fromCode(scheme.code()))
                        .filter(Objects::nonNull).toList())
                .orElse(List.of());
        return new ClientHelloOffer(version, Optional.ofNullable(serverName), protocols, schemes,
                hello.cipherSuites());
    }
}
