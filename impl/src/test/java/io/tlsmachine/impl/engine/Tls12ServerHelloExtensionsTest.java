package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static io.tlsmachine.impl.engine.HostileHellos.assertAnswered;
import static io.tlsmachine.impl.engine.HostileHellos.serverAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 5246 §7.4.1.4: "An extension type MUST NOT appear in the ServerHello unless the same extension type appeared in
 * the corresponding ClientHello." For each extension our TLS 1.2 server can answer, a ClientHello without it gets a
 * ServerHello without it (RFC 8422 §5.2 for ec_point_formats: the client may omit it, RFC 8422 §5.1.2).
 */
class Tls12ServerHelloExtensionsTest {

    static Stream<ExtensionType> answerableExtensions() {
        return Stream.of(ExtensionType.EC_POINT_FORMATS, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                ExtensionType.SESSION_TICKET, ExtensionType.RECORD_SIZE_LIMIT, ExtensionType.SERVER_NAME);
    }

    @ParameterizedTest(name = "ClientHello without {0}")
    @MethodSource("answerableExtensions")
    void aServerHelloCarriesOnlyTheExtensionTypesTheClientHelloOffered(ExtensionType dropped) {
        for (TestPkiCase pki : TestPkiCase.values()) {
            TlsConfig client = EngineFixtures.client(pki.hierarchy).versions(ProtocolVersion.TLS12)
                    .applicationProtocols("h2").recordSizeLimit(4096).build();
            TlsConfig server = EngineFixtures.server(pki.hierarchy).applicationProtocols("h2").ticketsEnabled(true)
                    .recordSizeLimit(4096).build();
            ClientHello[] sent = new ClientHello[1];
            TlsEngine engine = serverAfter(client, server, hello -> {
                ClientHello without = HostileHellos.without(hello, e -> e.type().equals(dropped));
                sent[0] = without;
                return without;
            });
            ServerHello answer = assertAnswered(engine);
            assertThat(types(answer)).as("%s ServerHello", pki).isSubsetOf(offered(sent[0]))
                    .doesNotContain(dropped);
        }
    }

    /** RFC 5746 §3.3: the SCSV "has the same semantics as an empty renegotiation_info", which §3.6 then answers. */
    @Test
    void theRenegotiationScsvIsAnOfferOfRenegotiationInfo() {
        TlsConfig client = EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build();
        TlsEngine engine = serverAfter(client, EngineFixtures.server(EC).build(), hello -> {
            ClientHello without = HostileHellos.without(hello, e -> e.type().equals(ExtensionType.RENEGOTIATION_INFO));
            java.util.List<CipherSuite> suites = new java.util.ArrayList<>(without.cipherSuites());
            if (!suites.contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
                suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
            }
            return new ClientHello(without.legacyVersion(), without.random(), without.legacySessionId(), suites,
                    without.legacyCompressionMethods(), without.extensions());
        });
        assertThat(types(assertAnswered(engine))).contains(ExtensionType.RENEGOTIATION_INFO);
    }

    private enum TestPkiCase {
        ECDSA(EC), RSA_KEY(RSA);

        final io.tlsmachine.testkit.TestPki.Hierarchy hierarchy;

        TestPkiCase(io.tlsmachine.testkit.TestPki.Hierarchy hierarchy) {
            this.hierarchy = hierarchy;
        }
    }

    private static Set<ExtensionType> types(ServerHello hello) {
        Set<ExtensionType> types = new HashSet<>();
        for (Extension e : hello.extensions()) {
            types.add(e.type());
        }
        return types;
    }

    private static Set<ExtensionType> offered(ClientHello hello) {
        Set<ExtensionType> types = new HashSet<>();
        for (Extension e : hello.extensions()) {
            types.add(e.type());
        }
        if (hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            types.add(ExtensionType.RENEGOTIATION_INFO);
        }
        return types;
    }
}
