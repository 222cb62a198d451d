package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import io.tlsmachine.TakenTransition;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Provokes failures and checks that each sends exactly the one alert its reason maps to and ends in FAILED. */
class EngineFailureTest {

    private static final HexFormat HEX = HexFormat.of();

    /** A plaintext fatal alert record: type 21, version 0x0303, length 2, level 2, description. */
    private static byte[] plaintextFatalAlert(AlertDescription description) {
        return HEX.parseHex("150303000202" + String.format("%02x", description.code()));
    }

    @Test
    void messageTheModelRejectsGetsOneUnexpectedMessageAlertAndFailed() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        client.drainOutbound();
        // ServerHelloDone (type 14, empty body) while the client waits for ServerHello.
        client.feed(HEX.parseHex("16030300040e000000"));
        assertThat(client.state()).isEqualTo(ClientState.FAILED);
        assertThat(client.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        assertThat(client.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.UNEXPECTED_MESSAGE));
        client.feed(HEX.parseHex("16030300040e000000"));
        assertThat(client.drainOutbound()).isEmpty();
    }

    /**
     * RFC 8446 §4: a ClientHello whose length field is zero is an empty message that "cannot be parsed according to
     * the syntax": decode_error. Its body then follows in the same record and reads as a header of over 192 KiB; that
     * size failure (the next message's) must not win over the complete, empty message before it.
     */
    @Test
    void zeroLengthClientHelloFollowedByItsBodyInOneRecordIsDecodeError() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        byte[] record = TestRecords.split(client.drainOutbound()).get(0);
        assertThat(record[5]).as("a ClientHello").isEqualTo((byte) 1);
        record[6] = 0;
        record[7] = 0;
        record[8] = 0;
        TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).build());
        server.feed(record);
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
        assertThat(server.failure().orElseThrow().reason().alertToSend()).contains(AlertDescription.DECODE_ERROR);
        assertThat(server.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.DECODE_ERROR));
    }

    @Test
    void earlyChangeCipherSpecBeforeClientKeyExchangeIsUnexpected() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.server.drainOutbound();
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_WAIT_CKE);
        // CVE-2014-0224: ChangeCipherSpec before the key exchange.
        pair.server.feed(HEX.parseHex("140303000101"));
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        assertThat(pair.server.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.UNEXPECTED_MESSAGE));
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void tamperedRecordFailsWithBadRecordMac() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        byte[] flight = pair.server.drainOutbound();
        flight[flight.length - 1] ^= 0x01;
        pair.client.feed(flight);
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_RECORD_MAC);
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.BAD_RECORD_MAC);
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        assertThat(pair.server.drainOutbound()).isEmpty();
        pair.assertTracesArePathsOfTheModel();
    }

    /**
     * Without extended master secret the keys do not cover the transcript, so an attacker who changes the
     * ClientHello's session id is caught only by Finished: the server fails with decrypt_error.
     */
    @Test
    void finishedOverADifferentTranscriptFailsWithDecryptError() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).extendedMasterSecretRequired(false).build(),
                EngineFixtures.server(EC).extendedMasterSecretRequired(false).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof ExtendedMasterSecret, Opaque.of(new byte[32]))));
        pair.pump();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_FINISHED);
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.DECRYPT_ERROR);
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverRequiringExtendedMasterSecretRefusesAClientHelloWithoutIt() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).extendedMasterSecretRequired(true).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof ExtendedMasterSecret, null)));
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.EXTENDED_MASTER_SECRET_REQUIRED);
        assertThat(pair.server.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void serverRequiringSecureRenegotiationRefusesAClientHelloWithoutTheIndication() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).secureRenegotiationRequired(true).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof RenegotiationInfo, null)));
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.INSECURE_RENEGOTIATION);
        assertThat(pair.server.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void certificateForAnotherNameFailsWithBadCertificate() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).serverName("other.test").build(),
                EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_CERTIFICATE);
        assertThat(pair.server.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.BAD_CERTIFICATE);
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void certificateFromAnUntrustedAuthorityFailsWithUnknownCa() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EngineFixtures.RSA).build(),
                EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.client.failure().orElseThrow().reason().alertToSend()).contains(AlertDescription.UNKNOWN_CA);
        assertThat(pair.server.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.UNKNOWN_CA);
    }

    @Test
    void receivedFatalAlertEndsTheConnectionWithoutAnswer() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        client.drainOutbound();
        client.feed(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
        assertThat(client.state()).isEqualTo(ClientState.FAILED);
        assertThat(client.failure().orElseThrow().reason()).isEqualTo(Reason.PEER_SENT_FATAL_ALERT);
        assertThat(client.drainOutbound()).isEmpty();
    }

    @Test
    void noCommonCipherSuiteFailsWithHandshakeFailure() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12)
                        .cipherSuites(io.tlsmachine.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).build(),
                EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_CIPHER_SUITE);
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
        assertThat(pair.serverTrace).extracting(TakenTransition::input).doesNotContain(Input.SELECT_PARAMETERS);
    }
}
