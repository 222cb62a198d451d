package io.tlsmachine.verification.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.verification.model.Machines;
import io.tlsmachine.verification.model.Mutant;
import io.tlsmachine.verification.model.Mutants;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the composed checker on the mutants: a representative subset against the active adversary (focused on the
 * facts each bug needs, so it stays fast), and every mutant over the reliable and the passive network in the slow
 * suite (the complete active exploration of all 61 mutants takes too long even for CI).
 */
class ComposedMutantsTest {

    private static Machines mutant(String id) {
        Mutant mutant = Mutants.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        return mutant.apply().apply(Machines.real());
    }

    private static void assertActiveAdversaryFinds(String mutant, String property, Predicate<Negotiated> facts) {
        CheckResult result = ComposedChecker.check(mutant(mutant), Adversary.ACTIVE, facts, id -> true);
        System.out.println(mutant + ": " + result.summary());
        assertThat(result.violations()).as(mutant).containsKey(property);
        assertThat(ComposedChecker.check(Machines.real(), Adversary.ACTIVE, facts, id -> true).violations())
                .as("the real model under the same facts").isEmpty();
    }

    private static boolean tls12Full(Negotiated f) {
        return f.version() == ProtocolVersion.TLS12 && f.tls12Handshake() == Tls12Handshake.FULL && !f.downgradeDetected()
                && !f.clientAuthRequested() && !f.ticketExpected() && !f.extendedMasterSecret();
    }

    private static boolean tls13Plain(Negotiated f) {
        return f.version() == ProtocolVersion.TLS13 && !f.pskAccepted() && !f.clientAuthRequested()
                && !f.earlyDataOffered() && !f.middleboxCompat() && !f.ticketsEnabled() && !f.postHandshakeAuthOffered();
    }

    @Test
    void injectedEarlyChangeCipherSpecIsCaught() {
        assertActiveAdversaryFinds("M3", "P10", ComposedMutantsTest::tls12Full);
    }

    @Test
    void injectedSecondHelloRetryRequestIsCaught() {
        assertActiveAdversaryFinds("M5", "P7", f -> tls13Plain(f) && f.helloRetryRequested());
    }

    @Test
    void injectedPlaintextEncryptedExtensionsIsCaught() {
        assertActiveAdversaryFinds("M6", "P8", ComposedMutantsTest::tls13Plain);
    }

    @Test
    void injectedSecondClientHelloIsCaught() {
        assertActiveAdversaryFinds("M30", "P23", ComposedMutantsTest::tls12Full);
    }

    @Test
    void injectedServerHelloDoneFromTheOtherVersionIsCaught() {
        assertActiveAdversaryFinds("M34", "P1", ComposedMutantsTest::tls13Plain);
    }

    @Test
    void serverKeyExchangeUnderRsaKeyTransportIsCaught() {
        assertActiveAdversaryFinds("M8", "P22", f -> tls12Full(f) && f.tls12KeyExchange().name().startsWith("RSA"));
    }

    @Test
    @Tag("slow")
    void everyMutantOverTheReliableAndThePassiveNetwork() {
        int[] caught = new int[2];
        Adversary[] networks = {Adversary.NONE, Adversary.PASSIVE};
        for (Mutant m : Mutants.all()) {
            StringBuilder line = new StringBuilder(m.id());
            for (int i = 0; i < networks.length; i++) {
                CheckResult result = ComposedChecker.check(m.apply().apply(Machines.real()), networks[i],
                        (Predicate<Negotiated>) f -> true, id -> true);
                if (!result.holds()) {
                    caught[i]++;
                }
                line.append("  ").append(networks[i]).append(": ").append(result.violations().keySet());
            }
            System.out.println(line);
        }
        System.out.printf("Composed checker catches %d (none), %d (passive) of %d mutants%n", caught[0], caught[1],
                Mutants.all().size());
        // The passive network can do what the reliable one does, so it catches at least as much.
        assertThat(caught[1]).isGreaterThanOrEqualTo(caught[0]);
    }
}
