package io.tlsmachine.model.analysis;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarises the model: sizes of both machines and the number of distinct handshake types per version (distinct
 * START→connected message sequences over {@link Negotiated#all()}, computed by {@link HandshakeWalker}).
 *
 * @param clientStates number of client states
 * @param serverStates number of server states
 * @param inputs number of input kinds
 * @param clientTransitions number of declared client transitions
 * @param serverTransitions number of declared server transitions
 * @param factsCombinations size of {@link Negotiated#all()}
 * @param handshakeTypes distinct completed message sequences per negotiated version
 * @param failedWalks walks that did not reach connected on both sides (the downgrade sentinel ones)
 * @param clientRejections client (state, input, epoch) triples with no transition: each a fatal unexpected_message
 * @param serverRejections server (state, input, epoch) triples with no transition
 */
public record ModelSummary(int clientStates, int serverStates, int inputs, int clientTransitions, int serverTransitions,
        int factsCombinations, Map<ProtocolVersion, Integer> handshakeTypes, int failedWalks, int clientRejections,
        int serverRejections) {

    public ModelSummary {
        handshakeTypes = Map.copyOf(handshakeTypes);
    }

    /** Computes the summary by reading both definitions and walking every facts combination. */
    public static ModelSummary compute() {
        Map<ProtocolVersion, Set<List<String>>> sequences = new EnumMap<>(ProtocolVersion.class);
        int failed = 0;
        for (HandshakeWalk walk : HandshakeWalker.walkAll()) {
            if (walk.completed()) {
                sequences.computeIfAbsent(walk.facts().version(), v -> new HashSet<>()).add(walk.sequence());
            } else {
                failed++;
            }
        }
        Map<ProtocolVersion, Integer> types = new EnumMap<>(ProtocolVersion.class);
        for (ProtocolVersion v : ProtocolVersion.values()) {
            types.put(v, sequences.getOrDefault(v, Set.of()).size());
        }
        return new ModelSummary(
                ClientMachine.definition().states().size(),
                ServerMachine.definition().states().size(),
                Input.values().length,
                ClientMachine.definition().transitions().size(),
                ServerMachine.definition().transitions().size(),
                Negotiated.all().size(),
                types,
                failed,
                rejections(ClientMachine.definition()),
                rejections(ServerMachine.definition()));
    }

    private static <S extends Enum<S> & ModelState> int rejections(MachineDefinition<S, ?> definition) {
        int count = 0;
        for (S state : definition.states()) {
            for (Input input : Input.values()) {
                for (Epoch epoch : Epoch.values()) {
                    if (!definition.compiled().declares(state, input, epoch)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Returns a short human-readable report, one fact per line. */
    public String render() {
        return String.join(System.lineSeparator(),
                "client: " + clientStates + " states, " + clientTransitions + " transitions",
                "server: " + serverStates + " states, " + serverTransitions + " transitions",
                "inputs: " + inputs,
                "facts combinations: " + factsCombinations,
                "handshake types TLS 1.3: " + handshakeTypes.get(ProtocolVersion.TLS13),
                "handshake types TLS 1.2: " + handshakeTypes.get(ProtocolVersion.TLS12),
                "walks ending in FAILED (downgrade sentinel): " + failedWalks,
                "unexpected_message cells (state x input x epoch): client " + clientRejections + ", server "
                        + serverRejections);
    }
}
