package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.HandshakeWalker;
import io.tlsmachine.model.analysis.SentMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ties the scripted peers to the model: what our engine receives in each honest scenario is, message for message, a
 * handshake flow the model's {@link HandshakeWalker} produces, so the deviants are deviations from model flows.
 * Prints which of the model's completed flows the engine scenarios cover.
 */
class HandshakeFlowCoverageTest {

    private static List<Input> received(HandshakeWalk walk, Role victim) {
        io.tlsmachine.model.analysis.Role sender = victim == Role.CLIENT ? io.tlsmachine.model.analysis.Role.SERVER
                : io.tlsmachine.model.analysis.Role.CLIENT;
        return walk.messages().stream().filter(m -> m.sender() == sender).map(SentMessage::message)
                .map(io.tlsmachine.model.Message::receivedAs).toList();
    }

    @Test
    void everyScriptedPeerPlaysAHandshakeFlowOfTheModel() {
        List<HandshakeWalk> flows = HandshakeWalker.walkAll().stream().filter(HandshakeWalk::completed).toList();
        Set<List<String>> covered = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (HandshakeScenario scenario : HandshakeScenario.all()) {
            Set<List<String>> bothSides = null;
            for (Role role : Role.values()) {
                ScriptedPeer peer = ScriptedPeer.record(scenario, role);
                List<Input> script = peer.script().stream().map(WireRecord::input).filter(Objects::nonNull).toList();
                Set<List<String>> matching = new LinkedHashSet<>();
                for (HandshakeWalk w : flows) {
                    List<Input> flow = received(w, role);
                    if (script.size() >= flow.size() && script.subList(0, flow.size()).equals(flow)) {
                        matching.add(w.sequence());
                    }
                }
                if (matching.isEmpty()) {
                    unmatched.add(scenario + " against our " + role + ": " + script);
                }
                if (bothSides == null) {
                    bothSides = matching;
                } else {
                    bothSides.retainAll(matching);
                }
            }
            covered.addAll(bothSides);
        }
        Set<List<String>> all = new LinkedHashSet<>();
        flows.forEach(w -> all.add(w.sequence()));
        System.out.println("Scripted peers play " + covered.size() + " of the model's " + all.size()
                + " distinct completed handshake flows; not covered:");
        all.stream().filter(f -> !covered.contains(f)).forEach(f -> System.out.println("  " + f));
        assertThat(unmatched).as("scripts that are no flow of the model").isEmpty();
        assertThat(covered).isNotEmpty();
    }
}
