package io.tlsmachine.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls12KeyExchange;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import org.junit.jupiter.api.Test;

class HandshakeWalkerTest {

    @Test
    void everyFactsCombinationWithoutDowngradeConnectsBothSides() {
        for (HandshakeWalk walk : HandshakeWalker.walkAll()) {
            if (walk.facts().downgradeDetected()) {
                assertThat(walk.client()).as("%s", walk).isEqualTo(ClientState.FAILED);
                assertThat(walk.server()).as("%s", walk).isEqualTo(ServerState.FAILED);
            } else {
                assertThat(walk.completed()).as("%s", walk).isTrue();
            }
        }
    }

    @Test
    void tls13FullHandshakeFollowsRfc8446Figure1() {
        HandshakeWalk walk = HandshakeWalker.walk(Negotiated.tls13());
        assertThat(walk.sequence()).containsExactly("C: ClientHello", "S: ServerHello", "S: EncryptedExtensions",
                "S: Certificate", "S: CertificateVerify", "S: Finished", "C: Finished");
        assertThat(walk.client()).isEqualTo(ClientState.CONNECTED);
        assertThat(walk.server()).isEqualTo(ServerState.CONNECTED);
    }

    @Test
    void tls13HelloRetryRequestFollowsRfc8446Figure2() {
        HandshakeWalk walk = HandshakeWalker.walk(Negotiated.tls13().with(Fact.HELLO_RETRY_REQUESTED, true));
        assertThat(walk.sequence()).containsExactly("C: ClientHello", "S: HelloRetryRequest", "C: ClientHello",
                "S: ServerHello", "S: EncryptedExtensions", "S: Certificate", "S: CertificateVerify", "S: Finished",
                "C: Finished");
    }

    @Test
    void tls13ZeroRttAcceptedFollowsRfc8446Figure4() {
        Negotiated facts = Negotiated.tls13().with(Fact.TLS13_KEY_EXCHANGE, Tls13KeyExchange.PSK_DHE)
                .with(Fact.EARLY_DATA_OFFERED, true).with(Fact.EARLY_DATA_ACCEPTED, true);
        HandshakeWalk walk = HandshakeWalker.walk(facts);
        assertThat(walk.sequence()).containsExactly("C: ClientHello", "C: ApplicationData", "S: ServerHello",
                "S: EncryptedExtensions", "S: Finished", "C: EndOfEarlyData", "C: Finished");
        assertThat(walk.completed()).isTrue();
    }

    @Test
    void tls13ClientAuthWithEmptyCertificateSendsNoCertificateVerify() {
        Negotiated facts = Negotiated.tls13().with(Fact.CLIENT_AUTH_REQUESTED, true);
        assertThat(HandshakeWalker.walk(facts).sequence()).containsSubsequence("S: CertificateRequest",
                "C: Certificate(empty)", "C: Finished").doesNotContain("C: CertificateVerify");
    }

    @Test
    void tls12FullEcdheWithClientAuthFollowsRfc5246Figure1() {
        Negotiated facts = Negotiated.tls12().with(Fact.CLIENT_AUTH_REQUESTED, true).with(Fact.CLIENT_CERTIFICATE_AVAILABLE, true);
        assertThat(HandshakeWalker.walk(facts).sequence()).containsExactly("C: ClientHello", "S: ServerHello",
                "S: Certificate", "S: ServerKeyExchange", "S: CertificateRequest", "S: ServerHelloDone",
                "C: Certificate", "C: ClientKeyExchange", "C: CertificateVerify", "C: ChangeCipherSpec", "C: Finished",
                "S: ChangeCipherSpec", "S: Finished");
    }

    @Test
    void tls12RsaKeyTransportSendsNoServerKeyExchange() {
        Negotiated facts = Negotiated.tls12().with(Fact.TLS12_KEY_EXCHANGE, Tls12KeyExchange.RSA);
        assertThat(HandshakeWalker.walk(facts).sequence()).doesNotContain("S: ServerKeyExchange");
    }

    @Test
    void tls12TicketResumptionFollowsRfc5077Section3Point1() {
        Negotiated facts = Negotiated.tls12().with(Fact.TLS12_HANDSHAKE, Tls12Handshake.RESUMED_BY_TICKET).with(Fact.TICKET_EXPECTED, true);
        assertThat(HandshakeWalker.walk(facts).sequence()).containsExactly("C: ClientHello", "S: ServerHello",
                "S: NewSessionTicket", "S: ChangeCipherSpec", "S: Finished", "C: ChangeCipherSpec", "C: Finished");
    }

    @Test
    void downgradeSentinelFailsTheClientWithIllegalParameter() {
        HandshakeWalk walk = HandshakeWalker.walk(Negotiated.tls12().with(Fact.DOWNGRADE_DETECTED, true));
        assertThat(walk.client()).isEqualTo(ClientState.FAILED);
        assertThat(walk.sequence()).contains("C: Alert(illegal_parameter)");
    }

    @Test
    void summaryCountsHandshakeTypesOfBothVersions() {
        ModelSummary summary = ModelSummary.compute();
        assertThat(summary.handshakeTypes().get(ProtocolVersion.TLS13)).isGreaterThan(10);
        assertThat(summary.handshakeTypes().get(ProtocolVersion.TLS12)).isGreaterThan(5);
        assertThat(summary.failedWalks()).isEqualTo(
                (int) Negotiated.all().stream().filter(Negotiated::downgradeDetected).count());
        assertThat(summary.render()).contains("handshake types TLS 1.3");
        int cells = io.tlsmachine.model.Input.values().length * io.tlsmachine.model.Epoch.values().length;
        assertThat(summary.clientRejections())
                .isEqualTo(summary.clientStates() * cells - distinctTriples(io.tlsmachine.model.client.ClientMachine.definition()));
        assertThat(summary.serverRejections())
                .isEqualTo(summary.serverStates() * cells - distinctTriples(io.tlsmachine.model.server.ServerMachine.definition()));
    }

    private static long distinctTriples(io.tlsmachine.model.MachineDefinition<?, ?> definition) {
        return definition.transitions().stream().map(t -> java.util.List.of(t.from(), t.input(), t.epoch())).distinct().count();
    }
}
