package io.tlsmachine.verification.engine;

import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.impl.engine.MachineKind;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deviant traces of "A Messy State of the Union" (Beurdouche et al., IEEE S&amp;P 2015), generated from the honest
 * scripts of every handshake type and both roles: each message skipped, repeated, or replaced by a message of
 * another flow (another version, key exchange or authentication mode), and, where TLS 1.3 keys are in use, a
 * handshake message sent in plaintext (the wrong epoch). Each is played against a fresh engine under test.
 */
final class DeviantCatalogue {

    /** The kinds of deviation. */
    enum Kind { SKIP, REPEAT, HOP, WRONG_EPOCH }

    /** One deviant trace: the honest prefix of a script, then one out-of-place record. */
    record Deviant(ScriptedPeer peer, Kind kind, int prefix, WireRecord record) {

        String cell() {
            return kind + " " + peer.scenario().version() + " our-" + peer.victimRole();
        }

        @Override
        public String toString() {
            return kind + " at " + prefix + " of " + peer.scenario() + " against our " + peer.victimRole() + ": " + record;
        }
    }

    private final List<ScriptedPeer> peers = new ArrayList<>();
    private final List<WireRecord> foreign;

    DeviantCatalogue(List<HandshakeScenario> scenarios) {
        for (HandshakeScenario scenario : scenarios) {
            for (Role role : Role.values()) {
                peers.add(ScriptedPeer.record(scenario, role));
            }
        }
        Map<String, WireRecord> byInputAndVersion = new LinkedHashMap<>();
        for (ScriptedPeer peer : peers) {
            for (WireRecord record : peer.script()) {
                if (record.plaintextHandshake()) {
                    byInputAndVersion.putIfAbsent(record.input() + " " + peer.scenario().version(), record);
                }
            }
        }
        foreign = List.copyOf(byInputAndVersion.values());
    }

    List<ScriptedPeer> peers() {
        return peers;
    }

    /** Plaintext handshake messages of every flow, one per (input, version): the pool hops are drawn from. */
    List<WireRecord> foreign() {
        return foreign;
    }

    /** Returns every deviant trace of every script. */
    List<Deviant> deviants() {
        List<Deviant> deviants = new ArrayList<>();
        for (ScriptedPeer peer : peers) {
            List<WireRecord> script = peer.script();
            for (int i = 0; i < script.size(); i++) {
                WireRecord here = script.get(i);
                if (here.movable()) {
                    if (peer.scenario().version() == ProtocolVersion.TLS13 || !here.changeCipherSpec()) {
                        // RFC 5246 §7.1: after change_cipher_spec every TLS 1.2 record is protected, so a repeated
                        // plaintext one is just a record that fails authentication (bad_record_mac), not a message.
                        deviants.add(new Deviant(peer, Kind.REPEAT, i + 1, here));
                    }
                    if (i + 1 < script.size() && script.get(i + 1).movable()) {
                        deviants.add(new Deviant(peer, Kind.SKIP, i, script.get(i + 1)));
                    }
                    for (WireRecord other : foreign) {
                        if (other.input() != here.input()) {
                            deviants.add(new Deviant(peer, Kind.HOP, i, other.withVersionOf(here)));
                        }
                    }
                } else if (here.protectedRecord() && peer.scenario().version() == ProtocolVersion.TLS13) {
                    for (WireRecord other : foreign) {
                        deviants.add(new Deviant(peer, Kind.WRONG_EPOCH, i, other.withVersionOf(here)));
                    }
                }
            }
        }
        return deviants;
    }

    /** Plays one deviant trace on {@code kind}; returns the victim with its outcome and any discrepancy. */
    static Victim play(Deviant deviant, MachineKind kind) {
        Victim victim = deviant.peer().start(kind, deviant.prefix());
        victim.deliverDeviant(deviant.record(), Epoch.PLAINTEXT, deviant.kind() + " " + deviant.record());
        return victim;
    }

    /** Counts deviants per cell (kind × version × role of the engine under test), sorted. */
    static Map<String, Integer> countPerCell(List<Deviant> deviants) {
        Map<String, Integer> counts = new TreeMap<>();
        deviants.forEach(d -> counts.merge(d.cell(), 1, Integer::sum));
        return counts;
    }
}
