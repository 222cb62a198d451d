package io.tlsmachine.verification.model;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.analysis.Composition;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes client and server over a faulty network: for every facts combination and every single fault (drop,
 * duplicate, or swap with the next message, of any one message either side sends), a handshake that completes must
 * have agreeing transcripts, and one whose handshake message was dropped or duplicated must not complete.
 */
public final class NetworkFaults {

    private static final int MAX_REPORTED = 5;

    private NetworkFaults() {
    }

    /** Returns one line per violating (facts, fault), at most a few. */
    public static List<String> violations(Machines machines) {
        List<String> violations = new ArrayList<>();
        for (Negotiated facts : Negotiated.all()) {
            HandshakeComposer.Run perfect = HandshakeComposer.run(machines, facts);
            if (perfect.completed() && !perfect.transcripts().agree()) {
                violations.add("perfect network, transcripts disagree: " + perfect.transcripts() + " for " + facts);
            }
            for (boolean fromClient : new boolean[] {true, false}) {
                List<String> sent = perfect.trace().stream().filter(e -> e.startsWith(fromClient ? "C " : "S ")).toList();
                for (int index = 0; index < sent.size(); index++) {
                    boolean handshakeMessage = Composition.transcribed(SpecDefinitions.output(sent.get(index).substring(2)));
                    for (HandshakeComposer.FaultKind kind : HandshakeComposer.FaultKind.values()) {
                        HandshakeComposer.Fault fault = new HandshakeComposer.Fault(fromClient, index, kind);
                        HandshakeComposer.Run run = HandshakeComposer.run(machines, facts, fault);
                        if (!run.completed()) {
                            continue;
                        }
                        if (!run.transcripts().agree()) {
                            violations.add(fault + " (" + sent.get(index) + "): completes with disagreeing transcripts "
                                    + run.transcripts() + " for " + facts);
                        } else if (run.faultApplied() && handshakeMessage && kind != HandshakeComposer.FaultKind.SWAP_WITH_NEXT) {
                            violations.add(fault + " (" + sent.get(index) + "): completes although a handshake message was "
                                    + (kind == HandshakeComposer.FaultKind.DROP ? "dropped" : "duplicated") + " for " + facts
                                    + "\n    trace: " + run.trace());
                        }
                        if (violations.size() >= MAX_REPORTED) {
                            return violations;
                        }
                    }
                }
            }
        }
        return violations;
    }
}
