package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client holds the ServerHello's legacy_version to RFC 8446 Appendix D.5, in both versions: "Any endpoint
 * receiving a Hello message with ClientHello.legacy_version or ServerHello.legacy_version set to 0x0300 MUST abort
 * the handshake with a "protocol_version" alert." Each case is our server's real ServerHello with that one field
 * changed, read by a real client engine.
 */
class ServerHelloConformanceTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0} ServerHello, legacy_version 0x0300")
    @EnumSource(ProtocolVersion.class)
    void legacyVersionSsl30IsProtocolVersion(ProtocolVersion version) {
        assertClientRejects(version, 0x0300);
    }

    @ParameterizedTest(name = "TLS 1.3 ServerHello, legacy_version 0x{0}")
    @ValueSource(ints = {0x0200, 0x0002})
    void legacyVersionBelowSsl30IsProtocolVersion(int legacyVersion) {
        assertClientRejects(ProtocolVersion.TLS13, legacyVersion);
    }

    private static void assertClientRejects(ProtocolVersion version, int legacyVersion) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).versions(version).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        List<byte[]> records = TestRecords.split(pair.server.drainOutbound());
        ServerHello hello = Tls12Interceptor.serverHello(records.get(0));
        pair.client.feed(Tls12Interceptor.record(new ServerHello(
                new VersionCode(legacyVersion), hello.random(),
                hello.legacySessionIdEcho(), hello.cipherSuite(), hello.legacyCompressionMethod(), hello.extensions())));
        assertThat(pair.client.isFailed()).as("failed, state %s", pair.client.state()).isTrue();
        assertThat(pair.client.failure().orElseThrow().reason()).as("%s", pair.client.failure().orElseThrow().getMessage())
                .isEqualTo(Reason.PROTOCOL_VERSION_UNSUPPORTED);
        assertThat(HEX.formatHex(pair.client.drainOutbound()))
                .isEqualTo("150303000202" + String.format("%02x", AlertDescription.PROTOCOL_VERSION.code()));
    }
}
