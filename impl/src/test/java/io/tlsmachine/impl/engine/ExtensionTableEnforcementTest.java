package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.HostileHellos.assertAnswered;
import static io.tlsmachine.impl.engine.HostileHellos.assertRejected;
import static io.tlsmachine.impl.engine.HostileHellos.serverAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ApplicationLayerProtocolNegotiation;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.UnknownExtension;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The extension table is enforced on what real engines receive, for both roles: each rule of ExtensionCheck with
 * the exact alert. RFC 8446 §4.2: a recognised extension not specified for its message is illegal_parameter, a type
 * twice is illegal_parameter, a response not requested is unsupported_extension; unknown extensions are ignored in
 * a ClientHello and, in a response, cannot answer anything (unsupported_extension). RFC 5246 §7.4.1.4 for TLS 1.2.
 */
class ExtensionTableEnforcementTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ExtensionType UNASSIGNED = new ExtensionType(0x7777);

    // ---- Server receiving a ClientHello ----

    @Test
    void serverRefusesAKnownExtensionAClientHelloMayNotCarryWithIllegalParameter() {
        // RFC 8446 §4.2's table: oid_filters is CR only.
        TlsEngine server = serverAfter(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(),
                hello -> HostileHellos.withExtensions(hello,
                        prepend(hello.extensions(), new UnknownExtension(ExtensionType.OID_FILTERS, Opaque.EMPTY))));
        assertRejected(server, Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void serverRefusesATypeTwiceInAClientHelloWithIllegalParameter() {
        TlsEngine server = serverAfter(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(),
                hello -> HostileHellos.withExtensions(hello, prepend(hello.extensions(), hello.extensions().get(0))));
        assertRejected(server, Reason.DUPLICATE_EXTENSION, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void serverIgnoresAnUnknownExtensionInAClientHello() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            TlsEngine server = serverAfter(EngineFixtures.client(EC).versions(version).build(),
                    EngineFixtures.server(EC).build(), hello -> HostileHellos.withExtensions(hello, prepend(
                            hello.extensions(), new UnknownExtension(UNASSIGNED, Opaque.ofUnsigned(1, 2)))));
            assertThat(assertAnswered(server).extensions()).extracting(Extension::type).doesNotContain(UNASSIGNED);
        }
    }

    // ---- Client receiving a ServerHello ----

    @Test
    void clientRefusesAnUnofferedTls12ServerHelloExtensionWithUnsupportedExtension() {
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS12, extensions -> append(extensions,
                new ApplicationLayerProtocolNegotiation(List.of(Opaque.of("h2".getBytes(StandardCharsets.US_ASCII))))));
        assertClientRejected(pair, Reason.UNSUPPORTED_EXTENSION, AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void clientRefusesATypeTwiceInATls12ServerHelloWithIllegalParameter() {
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS12, extensions -> append(extensions,
                new RenegotiationInfo(Opaque.EMPTY)));
        assertClientRejected(pair, Reason.DUPLICATE_EXTENSION, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void clientRefusesATls13ExtensionInATls12ServerHelloWithIllegalParameter() {
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS12, extensions -> append(extensions,
                new KeyShareSelected(new KeyShareEntry(NamedGroup.X25519, Opaque.of(new byte[32])))));
        assertClientRejected(pair, Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void clientRefusesAnUnknownExtensionInATls12ServerHelloWithUnsupportedExtension() {
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS12, extensions -> append(extensions,
                new UnknownExtension(UNASSIGNED, Opaque.EMPTY)));
        assertClientRejected(pair, Reason.UNSUPPORTED_EXTENSION, AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void clientRefusesAnUnknownExtensionInATls13ServerHelloWithUnsupportedExtension() {
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS13, extensions -> append(extensions,
                new UnknownExtension(UNASSIGNED, Opaque.EMPTY)));
        assertClientRejected(pair, Reason.UNSUPPORTED_EXTENSION, AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void clientRefusesATls12OnlyExtensionInATls13ServerHelloWithIllegalParameter() {
        // ec_point_formats is offered (our ClientHello offers TLS 1.2 too) but is in no TLS 1.3 message.
        EngineFixtures.Pair pair = clientReading(ProtocolVersion.TLS13, extensions -> append(extensions,
                new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED))));
        assertClientRejected(pair, Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    /** The client after its ClientHello reads the server's ServerHello with its extensions rewritten. */
    private static EngineFixtures.Pair clientReading(ProtocolVersion version, UnaryOperator<List<Extension>> rewrite) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).versions(version).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        List<byte[]> records = TestRecords.split(pair.server.drainOutbound());
        ServerHello hello = Tls12Interceptor.serverHello(records.get(0));
        pair.client.feed(Tls12Interceptor.record(new ServerHello(hello.legacyVersion(), hello.random(),
                hello.legacySessionIdEcho(), hello.cipherSuite(), hello.legacyCompressionMethod(),
                rewrite.apply(hello.extensions()))));
        return pair;
    }

    private static void assertClientRejected(EngineFixtures.Pair pair, Reason reason, AlertDescription alert) {
        assertThat(pair.client.isFailed()).as("failed, state %s", pair.client.state()).isTrue();
        assertThat(pair.client.failure().orElseThrow().reason()).as("%s", pair.client.failure().orElseThrow().getMessage())
                .isEqualTo(reason);
        assertThat(HEX.formatHex(pair.client.drainOutbound())).isEqualTo("150303000202" + String.format("%02x", alert.code()));
    }

    private static List<Extension> prepend(List<Extension> extensions, Extension first) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(0, first);
        return all;
    }

    private static List<Extension> append(List<Extension> extensions, Extension last) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(last);
        return all;
    }
}
