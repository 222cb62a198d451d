package io.tlsmachine.verification.engine;

import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.impl.engine.MachineKind;
import io.tlsmachine.impl.engine.TakenTransition;
import io.tlsmachine.impl.engine.TlsEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * The honest peer of a scenario: runs our own engine against the engine under test once, records every record the
 * engine under test received (one handshake message per record) with the input it took it as, and then replays
 * that script, with deviations, to fresh engines under test. The engines are deterministic (seeded randomness, fixed
 * clock), so a fresh engine fed the same records produces the same transcript and keys, and the recorded ciphertexts
 * stay valid up to the first deviation.
 */
final class ScriptedPeer {

    private final HandshakeScenario scenario;
    private final Role victimRole;
    private final List<WireRecord> script;

    private ScriptedPeer(HandshakeScenario scenario, Role victimRole, List<WireRecord> script) {
        this.scenario = scenario;
        this.victimRole = victimRole;
        this.script = List.copyOf(script);
    }

    /** Runs {@code scenario} honestly and records what the engine in {@code victimRole} received. */
    static ScriptedPeer record(HandshakeScenario scenario, Role victimRole) {
        HandshakeScenario.Configs configs = scenario.prepared(MachineKind.COMPILED_TABLE);
        TlsEngine victim = configs.engine(victimRole, MachineKind.COMPILED_TABLE);
        TlsEngine peer = configs.engine(victimRole == Role.CLIENT ? Role.SERVER : Role.CLIENT, MachineKind.COMPILED_TABLE);
        List<TakenTransition> taken = new ArrayList<>();
        victim.addTransitionListener(taken::add);
        List<WireRecord> script = new ArrayList<>();
        (victimRole == Role.CLIENT ? victim : peer).beginHandshake();
        for (int round = 0; round < 32; round++) {
            peer.feed(victim.drainOutbound());
            byte[] flight = peer.drainOutbound();
            if (flight.length == 0) {
                break;
            }
            for (byte[] record : WireRecord.split(flight)) {
                taken.clear();
                victim.feed(record);
                TakenTransition first = taken.stream().filter(t -> !t.input().local()).findFirst().orElse(null);
                script.add(new WireRecord(record, first == null ? null : first.input(), first == null ? null : first.epoch()));
            }
        }
        if (!victim.isHandshakeComplete() || !peer.isHandshakeComplete()) {
            throw new IllegalStateException(scenario + ": the honest run did not connect: " + victim.failure() + " / "
                    + peer.failure());
        }
        return new ScriptedPeer(scenario, victimRole, script);
    }

    HandshakeScenario scenario() {
        return scenario;
    }

    Role victimRole() {
        return victimRole;
    }

    /** The records the engine under test receives in an honest run, in order. */
    List<WireRecord> script() {
        return script;
    }

    /**
     * Returns a fresh engine under test on {@code kind} that has started and received the first {@code prefix} records
     * of the script (all honest, all accepted).
     */
    Victim start(MachineKind kind, int prefix) {
        HandshakeScenario.Configs configs = scenario.prepared(kind);
        Victim victim = new Victim(configs.engine(victimRole, kind), scenario + " / our " + victimRole);
        victim.begin();
        for (int i = 0; i < prefix; i++) {
            victim.deliverHonest(script.get(i));
        }
        return victim;
    }
}
