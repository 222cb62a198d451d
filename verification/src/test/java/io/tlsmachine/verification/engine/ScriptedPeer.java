package io.tlsmachine.verification.engine;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.handshake.SuiteParameters;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.ApiInternals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The honest peer of a scenario: runs our own engine against the engine under test once, records every record the
 * engine under test received (one handshake message per record) with the input it took it as, and then replays
 * that script, with deviations, to fresh engines under test. The engines are deterministic (seeded randomness, fixed
 * clock), so a fresh engine fed the same records produces the same transcript and keys, and the recorded ciphertexts
 * stay valid up to the first deviation.
 */
final class ScriptedPeer {

    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;

    private final HandshakeScenario scenario;
    private final Role victimRole;
    private final List<WireRecord> script;
    private final ReadKeys keys;
    private final io.tlsmachine.model.Negotiated facts;

    private ScriptedPeer(HandshakeScenario scenario, Role victimRole, List<WireRecord> script, ReadKeys keys,
            io.tlsmachine.model.Negotiated facts) {
        this.scenario = scenario;
        this.victimRole = victimRole;
        this.script = List.copyOf(script);
        this.keys = keys;
        this.facts = facts;
    }

    /** Runs {@code scenario} honestly and records what the engine in {@code victimRole} received. */
    static ScriptedPeer record(HandshakeScenario scenario, Role victimRole) {
        HandshakeScenario.Configs configs = scenario.prepared(MachineKind.COMPILED_TABLE);
        TlsEngine victim = configs.engine(victimRole, MachineKind.COMPILED_TABLE);
        TlsEngine peer = configs.engine(victimRole == Role.CLIENT ? Role.SERVER : Role.CLIENT, MachineKind.COMPILED_TABLE);
        byte[] clientRandom = null;
        byte[] serverRandom = null;
        List<TakenTransition> taken = new ArrayList<>();
        victim.addTransitionListener(taken::add);
        List<WireRecord> script = new ArrayList<>();
        (victimRole == Role.CLIENT ? victim : peer).beginHandshake();
        for (int round = 0; round < 32; round++) {
            byte[] sent = victim.drainOutbound();
            clientRandom = clientRandom == null ? randomIn(sent, CLIENT_HELLO) : clientRandom;
            serverRandom = serverRandom == null ? randomIn(sent, SERVER_HELLO) : serverRandom;
            peer.feed(sent);
            byte[] flight = peer.drainOutbound();
            if (flight.length == 0) {
                break;
            }
            clientRandom = clientRandom == null ? randomIn(flight, CLIENT_HELLO) : clientRandom;
            serverRandom = serverRandom == null ? randomIn(flight, SERVER_HELLO) : serverRandom;
            for (byte[] record : TestRecords.split(flight)) {
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
        SuiteParameters suite = SuiteParameters.of(victim.negotiated().orElseThrow().cipherSuite()).orElseThrow();
        ReadKeys keys = ReadKeys.of(scenario.version(), victimRole, suite, ApiInternals.crypto(configs.client()), configs.log(),
                clientRandom, serverRandom);
        return new ScriptedPeer(scenario, victimRole, script, keys, victim.facts());
    }

    /** RFC 5246 §7.4.1.2-3, RFC 8446 §4.1.2-3: the random of the first plaintext hello of {@code type}, or null. */
    private static byte[] randomIn(byte[] flight, int type) {
        for (byte[] record : TestRecords.split(flight)) {
            if ((record[0] & 0xFF) == 22 && record.length >= 43 && record[5] == type) {
                return Arrays.copyOfRange(record, 11, 43);
            }
        }
        return null;
    }

    /**
     * Seals a handshake-layer {@code content} of {@code type} in place of the script's record {@code index} (or, at
     * the end of the script, as the next record the connected victim reads): under the keys and sequence number the
     * victim expects there. Empty where the victim reads plaintext.
     */
    Optional<WireRecord> sealedInPlaceOf(int index, Input input, int type, byte[] content) {
        Epoch epoch;
        if (index < script.size()) {
            if (!script.get(index).protectedRecord()) {
                return Optional.empty();
            }
            epoch = script.get(index).epoch();
        } else {
            epoch = Epoch.APPLICATION;
        }
        if (!keys.has(epoch)) {
            return Optional.empty();
        }
        long sequence = script.subList(0, index).stream().filter(r -> r.protectedRecord() && r.epoch() == epoch).count();
        return Optional.of(new WireRecord(keys.seal(epoch, sequence, type, content), input, epoch));
    }

    /** Opens the script's protected record {@code index} with the victim's keys. */
    ReadKeys.Plain opened(int index) {
        WireRecord record = script.get(index);
        long sequence = script.subList(0, index).stream().filter(r -> r.protectedRecord() && r.epoch() == record.epoch())
                .count();
        try {
            return keys.open(record.epoch(), sequence, record.bytes());
        } catch (RuntimeException e) {
            throw new IllegalStateException(scenario + " against our " + victimRole + ": record " + index + " of " + script
                    + " does not open as record " + sequence + " of its epoch", e);
        }
    }

    HandshakeScenario scenario() {
        return scenario;
    }

    Role victimRole() {
        return victimRole;
    }

    /** The facts the engine under test established in the honest run. */
    io.tlsmachine.model.Negotiated facts() {
        return facts;
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
