package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.engine.TraceRecorder;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.testkit.EnginePump;
import io.tlsmachine.testkit.ModelPathMonitor;
import io.tlsmachine.testkit.ModelPathWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shows the model-path monitor passes real traces and reports forged ones, and that it watches every engine. */
class ModelPathMonitorTest {

    private static List<TakenTransition> honestClientTrace() {
        HandshakeScenario scenario = HandshakeScenario.all().get(0);
        HandshakeScenario.Configs configs = scenario.prepared(MachineKind.COMPILED_TABLE);
        TraceRecorder recorder = new TraceRecorder();
        TlsEngine client = configs.engine(Role.CLIENT, MachineKind.COMPILED_TABLE).addTransitionListener(recorder);
        TlsEngine server = configs.engine(Role.SERVER, MachineKind.COMPILED_TABLE);
        client.beginHandshake();
        io.tlsmachine.testkit.EnginePump.exchange(client, server);
        assertThat(client.isHandshakeComplete()).isTrue();
        return recorder.transitions();
    }

    private static List<String> check(List<TakenTransition> trace) {
        List<String> violations = new ArrayList<>();
        ModelPathMonitor monitor = new ModelPathMonitor(ClientMachine.definition(), "client", violations::add);
        trace.forEach(monitor::onTransition);
        return violations;
    }

    @Test
    void acceptsTheTraceOfARealHandshake() {
        List<TakenTransition> trace = honestClientTrace();
        assertThat(trace).hasSizeGreaterThan(4);
        assertThat(check(trace)).isEmpty();
    }

    @Test
    void reportsAForgedEdgeThatSkipsCertificateVerify() {
        List<TakenTransition> forged = new ArrayList<>(honestClientTrace());
        int cv = indexOf(forged, Input.CERTIFICATE_VERIFY);
        TakenTransition skipped = forged.remove(cv);
        TakenTransition finished = forged.remove(cv);
        forged.add(cv, new TakenTransition(skipped.from(), Input.FINISHED, finished.epoch(), finished.guard(), finished.to()));
        assertThat(check(forged)).singleElement().asString().contains("is not a transition of the client model")
                .contains("FINISHED");
    }

    @Test
    void reportsATraceThatDoesNotChain() {
        List<TakenTransition> forged = new ArrayList<>(honestClientTrace());
        forged.remove(indexOf(forged, Input.ENCRYPTED_EXTENSIONS));
        assertThat(check(forged)).singleElement().asString().contains("does not start where the previous step ended");
    }

    @Test
    void reportsATraceThatDoesNotStartAtTheInitialState() {
        TakenTransition plaintextFinished = new TakenTransition(ClientState.WAIT_FINISHED, Input.FINISHED, Epoch.PLAINTEXT,
                Guard.ALWAYS, ClientState.CONNECTED);
        assertThat(check(List.of(plaintextFinished))).hasSize(2);
    }

    @Test
    void watchesEveryEngineConstructedInTheSuite() {
        long engines = ModelPathWatch.watchedEngines();
        long transitions = ModelPathWatch.checkedTransitions();
        honestClientTrace();
        assertThat(ModelPathWatch.watchedEngines()).isGreaterThanOrEqualTo(engines + 2);
        assertThat(ModelPathWatch.checkedTransitions()).isGreaterThan(transitions + 8);
    }

    private static int indexOf(List<TakenTransition> trace, Input input) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).input() == input) {
                return i;
            }
        }
        throw new AssertionError(input + " not in " + trace);
    }
}
