package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.HandshakeWalker;
import io.tlsmachine.model.analysis.SentMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the scripted peers to the model: what our engine receives in each honest scenario is, message for message, a
 * completed handshake flow of the model's {@link HandshakeWalker} (a handshake type), and every handshake type of the
 * model is played by some scenario of {@link ScenarioCatalogue}, unless the engine cannot produce it yet, for a
 * reason listed in {@link #NOT_PRODUCIBLE}.
 */
class HandshakeFlowCoverageTest {

    /** A family of handshake types the engine cannot produce today, recognised by the facts of every flow in it. */
    private record Unproducible(String reason, Predicate<Negotiated> facts) {
    }

    /** Empty since every handshake type of the model has a scenario; a type the engine drops goes here with why. */
    private static final List<Unproducible> NOT_PRODUCIBLE = List.of();

    /** Each completed handshake flow of the model (its message labels) with the facts combinations yielding it. */
    private static final Map<List<String>, List<Negotiated>> FLOWS = new LinkedHashMap<>();
    private static final Map<HandshakeScenario, Set<List<String>>> PLAYED = new LinkedHashMap<>();
    private static final List<String> UNMATCHED = new ArrayList<>();
    private static final List<String> MISNAMED = new ArrayList<>();

    /** What a scenario's name promises about the facts our engine establishes, checked on both roles. */
    private static final Map<String, Predicate<Negotiated>> NAMED = Map.of(
            "psk_ke", f -> f.tls13KeyExchange() == io.tlsmachine.model.Tls13KeyExchange.PSK_ONLY,
            "psk_dhe_ke", f -> f.tls13KeyExchange() == io.tlsmachine.model.Tls13KeyExchange.PSK_DHE,
            "HelloRetryRequest", Negotiated::helloRetryRequested,
            "client certificate", Negotiated::clientAuthRequested,
            "no middlebox compatibility", f -> !f.middleboxCompat(),
            "ticket issued", f -> f.ticketsEnabled() || f.ticketExpected(),
            "no new ticket", f -> !f.ticketsEnabled(),
            "resumption by session ID", f -> f.tls12Handshake() == io.tlsmachine.model.Tls12Handshake.RESUMED_BY_SESSION_ID,
            "resumption by ticket", f -> f.tls12Handshake() == io.tlsmachine.model.Tls12Handshake.RESUMED_BY_TICKET,
            "post_handshake_auth offered", Negotiated::postHandshakeAuthOffered);

    private static List<Input> received(HandshakeWalk walk, Role victim) {
        io.tlsmachine.model.analysis.Role sender = victim == Role.CLIENT ? io.tlsmachine.model.analysis.Role.SERVER
                : io.tlsmachine.model.analysis.Role.CLIENT;
        // RFC 8446 §4.2.10: a server that rejects 0-RTT skips the early records in its record layer; no input.
        boolean earlySkipped = walk.facts().earlyDataOffered() && !walk.facts().earlyDataAccepted();
        return walk.messages().stream().filter(m -> m.sender() == sender)
                .filter(m -> !(earlySkipped && m.epoch() == io.tlsmachine.model.Epoch.EARLY)).map(SentMessage::message)
                .map(io.tlsmachine.model.Message::receivedAs).toList();
    }

    @BeforeAll
    static void playEveryScenario() {
        List<HandshakeWalk> walks = HandshakeWalker.walkAll().stream().filter(HandshakeWalk::completed).toList();
        walks.forEach(w -> FLOWS.computeIfAbsent(w.sequence(), k -> new ArrayList<>()).add(w.facts()));
        for (HandshakeScenario scenario : ScenarioCatalogue.everyType()) {
            Set<List<String>> bothSides = null;
            for (Role role : Role.values()) {
                ScriptedPeer peer = ScriptedPeer.record(scenario, role);
                NAMED.forEach((word, promise) -> {
                    // A TLS 1.3 client learns that tickets are issued only when one arrives, after the handshake.
                    boolean known = role == Role.SERVER || !word.equals("ticket issued");
                    if (known && scenario.name().contains(word) && !promise.test(peer.facts())) {
                        MISNAMED.add(scenario + " against our " + role + " promises " + word + ": " + peer.facts());
                    }
                });
                List<Input> script = peer.script().stream().map(WireRecord::input).filter(Objects::nonNull).toList();
                Set<List<String>> matching = new LinkedHashSet<>();
                walks.stream().filter(w -> received(w, role).equals(script)).forEach(w -> matching.add(w.sequence()));
                if (matching.isEmpty()) {
                    UNMATCHED.add(scenario + " against our " + role + ": " + script);
                }
                if (bothSides == null) {
                    bothSides = matching;
                } else {
                    bothSides.retainAll(matching);
                }
            }
            PLAYED.put(scenario, bothSides);
        }
    }

    private static Optional<Unproducible> unproducible(List<String> flow) {
        return NOT_PRODUCIBLE.stream().filter(u -> FLOWS.get(flow).stream().allMatch(u.facts())).findFirst();
    }

    @Test
    void everyScriptedPeerPlaysExactlyAHandshakeFlowOfTheModel() {
        assertThat(UNMATCHED).as("scripts that are no completed flow of the model").isEmpty();
        assertThat(MISNAMED).as("scenarios whose engine facts break what their name says").isEmpty();
        PLAYED.forEach((scenario, flows) -> assertThat(flows).as("%s played by both roles", scenario).isNotEmpty());
    }

    @Test
    void everyHandshakeTypeTheEngineCanProduceHasAScenario() {
        Set<List<String>> covered = new LinkedHashSet<>();
        PLAYED.values().forEach(covered::addAll);
        Map<String, int[]> perVersion = new TreeMap<>();
        Map<String, List<List<String>>> missing = new TreeMap<>();
        List<List<String>> uncovered = new ArrayList<>();
        for (List<String> flow : FLOWS.keySet()) {
            String version = FLOWS.get(flow).get(0).version().name();
            int[] counts = perVersion.computeIfAbsent(version, v -> new int[3]);
            if (covered.contains(flow)) {
                counts[0]++;
            } else {
                Optional<Unproducible> why = unproducible(flow);
                if (why.isPresent()) {
                    counts[1]++;
                    missing.computeIfAbsent(why.get().reason(), r -> new ArrayList<>()).add(flow);
                } else {
                    counts[2]++;
                    uncovered.add(flow);
                }
            }
        }
        System.out.println(ScenarioCatalogue.everyType().size() + " scenarios play " + covered.size() + " of the model's "
                + FLOWS.size() + " handshake types (distinct completed flows):");
        perVersion.forEach((v, c) -> System.out.println("  " + v + ": " + c[0] + " played, " + c[1]
                + " not producible yet, " + c[2] + " without a scenario"));
        missing.forEach((reason, flows) -> System.out.println("  not producible yet (" + flows.size() + "): " + reason));
        assertThat(uncovered).as("handshake types the engine supports but no scenario plays").isEmpty();
        assertThat(covered).as("handshake types played although listed as not producible")
                .noneMatch(f -> unproducible(f).isPresent());
    }
}
