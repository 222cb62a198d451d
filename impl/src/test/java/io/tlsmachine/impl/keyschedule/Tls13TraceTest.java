package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.keyschedule.Tls13TraceChecks.Check;
import io.tlsmachine.impl.keyschedule.Tls13TraceReplay.Epoch;
import io.tlsmachine.impl.vectors.Tls13Trace;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reproduces every secret, key, IV, Finished key, verify_data, binder and PSK of the five TLS 1.3
 * example traces from their inputs, with the production key schedule and transcript (RFC 8446 §7,
 * §4.4.1, §4.4.4, §4.2.11.2, §4.6.1). Each test names the trace line it checks; {@link
 * #everyTraceValueIsReproduced} checks all of them, one dynamic test per value.
 */
class Tls13TraceTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final Pattern TRAFFIC_KEYS = Pattern.compile(
            "derive (read|write) traffic keys for (handshake|application|early application) data");

    @TestFactory
    Stream<DynamicNode> everyTraceValueIsReproduced() {
        return Arrays.stream(Tls13Trace.values()).map(trace -> DynamicContainer.dynamicContainer(
                trace.section() + ". " + trace.scenario().title(),
                Tls13TraceChecks.all(Tls13TraceReplay.of(trace)).stream()
                        .map(check -> DynamicTest.dynamicTest(check.name(), () -> assertMatches(List.of(check))))));
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void everyTraceValueIsReproducedWithTheBouncyCastleProviderToo(Tls13Trace trace) {
        List<Check> checks = Tls13TraceChecks.all(Tls13TraceReplay.of(trace, CryptoProviders.bouncyCastle()));
        assertThat(checks).hasSameSizeAs(Tls13TraceChecks.all(Tls13TraceReplay.of(trace)));
        assertMatches(checks);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void earlySecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "extract secret \"early\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void derivedSecretForHandshakeMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret for handshake \"tls13 derived\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void handshakeSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "extract secret \"handshake\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void clientHandshakeTrafficSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 c hs traffic\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void serverHandshakeTrafficSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 s hs traffic\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void derivedSecretForMasterMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret for master \"tls13 derived\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void masterSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "extract secret \"master\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void serverHandshakeTrafficKeyAndIvMatchTrace(Tls13Trace trace) {
        assertKeysReproduced(trace, TraceSide.SERVER, Epoch.HANDSHAKE);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void clientHandshakeTrafficKeyAndIvMatchTrace(Tls13Trace trace) {
        assertKeysReproduced(trace, TraceSide.CLIENT, Epoch.HANDSHAKE);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void serverFinishedKeyAndVerifyDataMatchTrace(Tls13Trace trace) {
        assertStepReproduced(trace, TraceSide.SERVER, "calculate finished \"tls13 finished\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void clientFinishedKeyAndVerifyDataMatchTrace(Tls13Trace trace) {
        assertStepReproduced(trace, TraceSide.CLIENT, "calculate finished \"tls13 finished\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void clientApplicationTrafficSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 c ap traffic\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void serverApplicationTrafficSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 s ap traffic\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void exporterMasterSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 exp master\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void serverApplicationTrafficKeyAndIvMatchTrace(Tls13Trace trace) {
        assertKeysReproduced(trace, TraceSide.SERVER, Epoch.APPLICATION);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void clientApplicationTrafficKeyAndIvMatchTrace(Tls13Trace trace) {
        assertKeysReproduced(trace, TraceSide.CLIENT, Epoch.APPLICATION);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void resumptionMasterSecretMatchesTrace(Tls13Trace trace) {
        assertStepReproduced(trace, "derive secret \"tls13 res master\"");
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void handshakeMessagesMatchTheRecordsThatCarryThem(Tls13Trace trace) {
        List<Check> checks = Tls13TraceChecks.all(Tls13TraceReplay.of(trace)).stream()
                .filter(c -> c.step().action().startsWith("construct a "))
                .toList();
        assertThat(checks).isNotEmpty();
        assertMatches(checks);
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void verifyDataEqualsTheFinishedMessagesAndIsChecked(Tls13Trace trace) {
        Tls13TraceReplay replay = Tls13TraceReplay.of(trace);
        byte[] serverFinished = HandshakeMessages.body(replay.message(HandshakeMessages.FINISHED, 0));
        byte[] clientFinished = HandshakeMessages.body(replay.message(HandshakeMessages.FINISHED, 1));
        assertThat(replay.verifyData.get(TraceSide.SERVER)).isEqualTo(serverFinished);
        assertThat(replay.verifyData.get(TraceSide.CLIENT)).isEqualTo(clientFinished);

        TrafficSecret serverTraffic = TrafficSecret.of(replay.hkdf, Secret.copyOf(replay.derivedSecrets.get("s hs traffic")));
        serverTraffic.checkFinished(replay.hashBeforeServerFinished, serverFinished);
        byte[] altered = serverFinished.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> serverTraffic.checkFinished(replay.hashBeforeServerFinished, altered))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FINISHED));
        // The client's verify_data under the server's key: the right bytes from the wrong sender.
        assertThatThrownBy(() -> serverTraffic.checkFinished(replay.hashBeforeClientFinished, clientFinished))
                .isInstanceOf(TlsException.class);
    }

    @Test
    void resumedEarlySecretUsesTheTicketPskOfTheFirstHandshake() {
        byte[] ticketPsk = Tls13TraceReplay.of(Tls13Trace.SIMPLE_1RTT).ticketPsk;
        TraceStep early = Tls13Trace.RESUMED_0RTT.scenario().step("extract secret \"early\"");
        assertThat(hex(early.value("IKM"))).isEqualTo(hex(ticketPsk));
    }

    @Test
    void ticketPskMatchesTrace() {
        assertStepReproduced(Tls13Trace.SIMPLE_1RTT, "generate resumption secret \"tls13 resumption\"");
    }

    @Test
    void pskBinderMatchesTrace() {
        assertStepReproduced(Tls13Trace.RESUMED_0RTT, "calculate PSK binder");
    }

    @Test
    void pskBinderEqualsTheBinderInTheClientHelloAndIsChecked() {
        Tls13TraceReplay replay = Tls13TraceReplay.of(Tls13Trace.RESUMED_0RTT);
        byte[] sent = HandshakeMessages.binders(replay.finalClientHello()).get(0);
        assertThat(replay.binder).isEqualTo(sent);

        EarlySecret early = EarlySecret.fromPsk(replay.hkdf, Secret.copyOf(replay.psk));
        BinderKey binderKey = early.binderKey(PskKind.RESUMPTION);
        binderKey.checkBinder(replay.binderHash, sent);
        assertThatThrownBy(() -> early.binderKey(PskKind.EXTERNAL).checkBinder(replay.binderHash, sent))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_BINDER));
    }

    @Test
    void clientEarlyTrafficSecretMatchesTrace() {
        assertStepReproduced(Tls13Trace.RESUMED_0RTT, "derive secret \"tls13 c e traffic\"");
    }

    @Test
    void earlyExporterMasterSecretMatchesTrace() {
        assertStepReproduced(Tls13Trace.RESUMED_0RTT, "derive secret \"tls13 e exp master\"");
    }

    @Test
    void clientEarlyTrafficKeyAndIvMatchTrace() {
        assertKeysReproduced(Tls13Trace.RESUMED_0RTT, TraceSide.CLIENT, Epoch.EARLY);
    }

    private static void assertStepReproduced(Tls13Trace trace, String action) {
        assertStepReproduced(trace, null, action);
    }

    private static void assertStepReproduced(Tls13Trace trace, TraceSide side, String action) {
        List<Check> checks = Tls13TraceChecks.ofStep(Tls13TraceReplay.of(trace), action).stream()
                .filter(c -> side == null || c.step().side() == side)
                .toList();
        assertThat(checks).as("%s shows a step %s", trace, action).isNotEmpty();
        assertMatches(checks);
    }

    /** Checks the traffic-key step(s) of one sender and epoch, whichever side the trace shows them on. */
    private static void assertKeysReproduced(Tls13Trace trace, TraceSide sender, Epoch epoch) {
        List<Check> checks = Tls13TraceChecks.all(Tls13TraceReplay.of(trace)).stream()
                .filter(c -> {
                    Matcher m = TRAFFIC_KEYS.matcher(c.step().action());
                    if (!m.matches()) {
                        return false;
                    }
                    TraceSide owner = m.group(1).equals("write") ? c.step().side() : c.step().side().peer();
                    String epochName = epoch == Epoch.EARLY ? "early application" : epoch.name().toLowerCase();
                    return owner == sender && m.group(2).equals(epochName);
                })
                .toList();
        assertThat(checks).as("%s shows %s %s keys", trace, sender, epoch).isNotEmpty();
        assertMatches(checks);
    }

    private static void assertMatches(List<Check> checks) {
        SoftAssertions softly = new SoftAssertions();
        for (Check check : checks) {
            softly.assertThat(check.actual()).as(check.name()).isNotNull();
            if (check.actual() != null) {
                softly.assertThat(hex(check.actual())).as(check.name()).isEqualTo(hex(check.expected()));
            }
        }
        softly.assertAll();
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
