package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.EnginePump;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

    @Test
    void printsTheStatesOfATls13ClientHandshakeInOrder() {
        TraceRecorder client = new TraceRecorder();
        TraceRecorder server = new TraceRecorder();
        TlsEngine c = TlsEngine.client(EngineFixtures.client(EC).build()).addTransitionListener(client);
        TlsEngine s = TlsEngine.server(EngineFixtures.server(EC).build()).addTransitionListener(server);
        c.beginHandshake();
        EnginePump.exchange(c, s);
        assertThat(client.path()).isEqualTo("START -> WAIT_SH -> WAIT_EE -> WAIT_CERT_CR -> WAIT_CV -> WAIT_FINISHED -> CONNECTED");
        assertThat(server.path()).startsWith("START -> RECVD_CH -> NEGOTIATED -> ").endsWith(" -> CONNECTED");
        assertThat(server.states()).doesNotHaveDuplicates();
    }

    @Test
    void printsTheStatesOfATls12ServerHandshakeInOrder() {
        TraceRecorder server = new TraceRecorder();
        TlsEngine c = TlsEngine.client(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build());
        TlsEngine s = TlsEngine.server(EngineFixtures.server(EC).build()).addTransitionListener(server);
        c.beginHandshake();
        EnginePump.exchange(c, s);
        assertThat(server.states()).containsExactly("START", "RECVD_CH", "TLS12_WAIT_CKE", "TLS12_WAIT_CCS",
                "TLS12_WAIT_FINISHED", "TLS12_CONNECTED");
        assertThat(server.transitions()).hasSize(5);
    }
}
