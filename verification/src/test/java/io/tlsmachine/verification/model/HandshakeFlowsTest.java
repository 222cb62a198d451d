package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls12KeyExchange;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.HandshakeWalker;
import io.tlsmachine.model.analysis.ModelSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the real client against the real server for every facts combination and compares each message sequence
 * with the flow written by hand from the RFC figures; the literal flows below are the figures themselves.
 */
class HandshakeFlowsTest {

    private static final Machines REAL = Machines.real();

    @Test
    void everyFactsCombinationRunsToConnectedWithTheRfcFlow() {
        List<String> mismatches = new ArrayList<>();
        Map<ProtocolVersion, Set<List<String>>> types = new EnumMap<>(ProtocolVersion.class);
        for (Negotiated facts : Negotiated.all()) {
            HandshakeComposer.Run run = HandshakeComposer.run(REAL, facts);
            List<String> expected = RfcFlows.expected(facts);
            if (run.completed() == facts.downgradeDetected() || !run.trace().equals(expected)) {
                mismatches.add(facts + "\n  failure:  " + run.failure() + "\n  expected: " + expected + "\n  actual:   " + run.trace());
            }
            if (run.completed()) {
                assertThat(run.clientState()).isIn("CONNECTED", "TLS12_CONNECTED");
                types.computeIfAbsent(facts.version(), v -> new LinkedHashSet<>()).add(run.trace());
            }
        }
        System.out.printf("Handshake types (distinct START->CONNECTED message sequences): TLS 1.3 %d, TLS 1.2 %d, over %d facts combinations%n",
                types.getOrDefault(ProtocolVersion.TLS13, Set.of()).size(),
                types.getOrDefault(ProtocolVersion.TLS12, Set.of()).size(), Negotiated.all().size());
        assertThat(mismatches).as("facts combinations whose run differs from the RFC flow").isEmpty();
        assertThat(types.get(ProtocolVersion.TLS13)).hasSizeGreaterThan(10);
        assertThat(types.get(ProtocolVersion.TLS12)).hasSizeGreaterThan(10);
    }

    @Test
    void theSpecTablesComposeIntoTheSameFlows() {
        Machines spec = SpecDefinitions.read(RepoFiles.path("specs/machines"));
        for (Negotiated facts : Negotiated.all()) {
            assertThat(HandshakeComposer.run(spec, facts).trace()).as("spec flow for %s", facts)
                    .isEqualTo(RfcFlows.expected(facts));
        }
    }

    @Test
    void theModelsHandshakeWalkerAgreesWithThisComposerOnEveryFactsCombination() {
        List<String> disagreements = new ArrayList<>();
        for (Negotiated facts : Negotiated.all()) {
            HandshakeWalk walk = HandshakeWalker.walk(facts);
            HandshakeComposer.Run run = HandshakeComposer.run(REAL, facts);
            List<String> ours = run.trace().stream()
                    .map(e -> e.charAt(0) + ": " + e.substring(2, e.lastIndexOf('@'))).toList();
            if (walk.completed() != run.completed() || !walk.sequence().equals(ours)) {
                disagreements.add(facts + "\n  walker:   " + walk.sequence() + "\n  composer: " + ours);
            }
        }
        assertThat(disagreements).as("HandshakeWalker (model) and HandshakeComposer (verification) disagree").isEmpty();
        ModelSummary summary = ModelSummary.compute();
        System.out.println("ModelSummary handshake types: " + summary.handshakeTypes());
    }

    @Test
    void tls13FullHandshakeIsFigure1() {
        assertFlow(Negotiated.tls13(),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S EncryptedExtensions@handshake", "S Certificate@handshake",
                "S CertificateVerify@handshake", "S Finished@handshake",
                "C Finished@handshake");
    }

    @Test
    void tls13ClientAuthenticationIsFigure1WithCertificateRequest() {
        assertFlow(Negotiated.tls13().with(Fact.CLIENT_AUTH_REQUESTED, true).with(Fact.CLIENT_CERTIFICATE_AVAILABLE, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S EncryptedExtensions@handshake", "S CertificateRequest@handshake",
                "S Certificate@handshake", "S CertificateVerify@handshake", "S Finished@handshake",
                "C Certificate@handshake", "C CertificateVerify@handshake", "C Finished@handshake");
    }

    @Test
    void tls13HelloRetryRequestIsFigure2() {
        assertFlow(Negotiated.tls13().with(Fact.HELLO_RETRY_REQUESTED, true),
                "C ClientHello@plaintext",
                "S HelloRetryRequest@plaintext",
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S EncryptedExtensions@handshake", "S Certificate@handshake",
                "S CertificateVerify@handshake", "S Finished@handshake",
                "C Finished@handshake");
    }

    @Test
    void tls13PskResumptionIsFigure3() {
        assertFlow(Negotiated.tls13().with(Fact.TLS13_KEY_EXCHANGE, Tls13KeyExchange.PSK_DHE).with(Fact.TICKETS_ENABLED, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S EncryptedExtensions@handshake", "S Finished@handshake",
                "C Finished@handshake",
                "S NewSessionTicket@application");
    }

    @Test
    void tls13ZeroRttIsFigure4() {
        assertFlow(Negotiated.tls13().with(Fact.TLS13_KEY_EXCHANGE, Tls13KeyExchange.PSK_DHE).with(Fact.EARLY_DATA_OFFERED, true)
                        .with(Fact.EARLY_DATA_ACCEPTED, true),
                "C ClientHello@plaintext", "C ApplicationData@early",
                "S ServerHello@plaintext", "S EncryptedExtensions@handshake", "S Finished@handshake",
                "C EndOfEarlyData@early", "C Finished@handshake");
    }

    @Test
    void tls13MiddleboxCompatibilityAddsTheDummyChangeCipherSpecsOfAppendixD4() {
        assertFlow(Negotiated.tls13().with(Fact.MIDDLEBOX_COMPAT, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S ChangeCipherSpec@plaintext", "S EncryptedExtensions@handshake",
                "S Certificate@handshake", "S CertificateVerify@handshake", "S Finished@handshake",
                "C ChangeCipherSpec@plaintext", "C Finished@handshake");
    }

    @Test
    void tls12FullEcdheIsFigure1() {
        assertFlow(Negotiated.tls12(),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S Certificate@plaintext", "S ServerKeyExchange@plaintext",
                "S ServerHelloDone@plaintext",
                "C ClientKeyExchange@plaintext", "C ChangeCipherSpec@plaintext", "C Finished@application",
                "S ChangeCipherSpec@plaintext", "S Finished@application");
    }

    @Test
    void tls12FullRsaHasNoServerKeyExchange() {
        assertFlow(Negotiated.tls12().with(Fact.TLS12_KEY_EXCHANGE, Tls12KeyExchange.RSA),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S Certificate@plaintext", "S ServerHelloDone@plaintext",
                "C ClientKeyExchange@plaintext", "C ChangeCipherSpec@plaintext", "C Finished@application",
                "S ChangeCipherSpec@plaintext", "S Finished@application");
    }

    @Test
    void tls12ClientAuthenticationIsFigure1WithCertificateRequest() {
        assertFlow(Negotiated.tls12().with(Fact.CLIENT_AUTH_REQUESTED, true).with(Fact.CLIENT_CERTIFICATE_AVAILABLE, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S Certificate@plaintext", "S ServerKeyExchange@plaintext",
                "S CertificateRequest@plaintext", "S ServerHelloDone@plaintext",
                "C Certificate@plaintext", "C ClientKeyExchange@plaintext", "C CertificateVerify@plaintext",
                "C ChangeCipherSpec@plaintext", "C Finished@application",
                "S ChangeCipherSpec@plaintext", "S Finished@application");
    }

    @Test
    void tls12AbbreviatedBySessionIdIsFigure2() {
        assertFlow(Negotiated.tls12().with(Fact.TLS12_HANDSHAKE, Tls12Handshake.RESUMED_BY_SESSION_ID),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S ChangeCipherSpec@plaintext", "S Finished@application",
                "C ChangeCipherSpec@plaintext", "C Finished@application");
    }

    @Test
    void tls12AbbreviatedByTicketIsRfc5077Figure2() {
        assertFlow(Negotiated.tls12().with(Fact.TLS12_HANDSHAKE, Tls12Handshake.RESUMED_BY_TICKET).with(Fact.TICKET_EXPECTED, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S NewSessionTicket@plaintext", "S ChangeCipherSpec@plaintext",
                "S Finished@application",
                "C ChangeCipherSpec@plaintext", "C Finished@application");
    }

    @Test
    void tls12FullWithTicketIsRfc5077Figure1() {
        assertFlow(Negotiated.tls12().with(Fact.TICKET_EXPECTED, true),
                "C ClientHello@plaintext",
                "S ServerHello@plaintext", "S Certificate@plaintext", "S ServerKeyExchange@plaintext",
                "S ServerHelloDone@plaintext",
                "C ClientKeyExchange@plaintext", "C ChangeCipherSpec@plaintext", "C Finished@application",
                "S NewSessionTicket@plaintext", "S ChangeCipherSpec@plaintext", "S Finished@application");
    }

    @Test
    void downgradeSentinelAbortsWithIllegalParameter() {
        HandshakeComposer.Run run = HandshakeComposer.run(REAL, Negotiated.tls12().with(Fact.DOWNGRADE_DETECTED, true));
        assertThat(run.completed()).isFalse();
        assertThat(run.clientState()).isEqualTo("FAILED");
        assertThat(run.trace()).endsWith("C Alert(illegal_parameter)@plaintext");
    }

    private static void assertFlow(Negotiated facts, String... expected) {
        assertThat(Negotiated.all()).as("the facts are a consistent combination").contains(facts);
        assertThat(RfcFlows.expected(facts)).as("the generated RFC flow agrees with the figure").containsExactly(expected);
        HandshakeComposer.Run run = HandshakeComposer.run(REAL, facts);
        assertThat(run.failure()).as("run failure").isNull();
        assertThat(run.trace()).containsExactly(expected);
    }
}
