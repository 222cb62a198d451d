package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.model.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks RFC 8446 §7.5 / RFC 5705 exporters: both ends agree, labels and contexts separate. */
class ExporterTest {

    @Test
    void bothEndsExportTheSameKeyingMaterialAndLabelsSeparateIt() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(version).build(),
                    EngineFixtures.server(EC).build()).handshake();
            byte[] context = "ctx".getBytes(StandardCharsets.US_ASCII);
            byte[] client = pair.client.exportKeyingMaterial("EXPERIMENTAL tlsmachine", context, 32);
            assertThat(pair.server.exportKeyingMaterial("EXPERIMENTAL tlsmachine", context, 32)).as("%s", version)
                    .isEqualTo(client).hasSize(32);
            assertThat(pair.client.exportKeyingMaterial("EXPERIMENTAL other", context, 32)).isNotEqualTo(client);
            assertThat(pair.client.exportKeyingMaterial("EXPERIMENTAL tlsmachine", null, 32)).isNotEqualTo(client);
        }
    }

    @Test
    void exportingBeforeTheHandshakeCompletesIsRefused() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        assertThatThrownBy(() -> client.exportKeyingMaterial("EXPERIMENTAL x", null, 16)).isInstanceOf(IllegalStateException.class);
    }
}
