package io.tlsmachine.verification.engine;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.MachineKind;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * One deviant trace: the honest prefix of a script, then one out-of-place record, which the victim reads under
     * {@code record.epoch()} when {@code sealed} (sealed under the keys the victim expects there), else in plaintext.
     */
    record Deviant(ScriptedPeer peer, Kind kind, int prefix, WireRecord record, boolean sealed, boolean otherVersion) {

        Deviant(ScriptedPeer peer, Kind kind, int prefix, WireRecord record) {
            this(peer, kind, prefix, record, false, false);
        }

        Epoch epoch() {
            return sealed ? record.epoch() : Epoch.PLAINTEXT;
        }

        String cell() {
            return kind + (sealed ? " sealed" : "") + " " + peer.scenario().version() + " our-" + peer.victimRole();
        }

        @Override
        public String toString() {
            return kind + (sealed ? " (sealed)" : "") + " at " + prefix + " of " + peer.scenario() + " against our "
                    + peer.victimRole() + ": " + record;
        }
    }

    private static final int HANDSHAKE = 22;

    private final List<ScriptedPeer> peers = new ArrayList<>();
    private final List<WireRecord> foreign;
    private final Map<WireRecord, ProtocolVersion> foreignVersion = new java.util.IdentityHashMap<>();

    DeviantCatalogue(List<HandshakeScenario> scenarios) {
        for (HandshakeScenario scenario : scenarios) {
            for (Role role : Role.values()) {
                peers.add(ScriptedPeer.record(scenario, role));
            }
        }
        Map<String, WireRecord> byInputAndVersion = new LinkedHashMap<>();
        for (ScriptedPeer peer : peers) {
            List<WireRecord> script = peer.script();
            for (int i = 0; i < script.size(); i++) {
                WireRecord record = script.get(i);
                if (record.plaintextHandshake()) {
                    byInputAndVersion.putIfAbsent(record.input() + " " + peer.scenario().version(), record);
                } else if (record.protectedRecord() && peer.opened(i).type() == HANDSHAKE) {
                    // A message the honest peer sent protected (EncryptedExtensions, Finished, ...), as plaintext.
                    byInputAndVersion.putIfAbsent(record.input() + " " + peer.scenario().version(),
                            WireRecord.plaintext(HANDSHAKE, peer.opened(i).content(), record.input()));
                }
            }
        }
        foreign = List.copyOf(byInputAndVersion.values());
        byInputAndVersion.forEach((key, record) -> foreignVersion.put(record, key.endsWith("TLS13") ? ProtocolVersion.TLS13
                : ProtocolVersion.TLS12));
    }

    List<ScriptedPeer> peers() {
        return peers;
    }

    /**
     * Handshake messages of every flow, one per (input, version), as plaintext records (those sent protected in their
     * flow opened with the victim's keys): the pool hops are drawn from.
     */
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
                            deviants.add(new Deviant(peer, Kind.HOP, i, other.withVersionOf(here), false,
                                    otherVersion(other, peer)));
                        }
                    }
                } else if (here.protectedRecord() && peer.scenario().version() == ProtocolVersion.TLS13) {
                    for (WireRecord other : foreign) {
                        deviants.add(new Deviant(peer, Kind.WRONG_EPOCH, i, other.withVersionOf(here), false,
                                otherVersion(other, peer)));
                    }
                }
            }
            addSealed(peer, deviants);
        }
        return deviants;
    }

    /**
     * Adds the deviants where the victim reads protected records, sealed under the keys it expects (RFC 8446 §5.2,
     * RFC 5246 §6.2.3.3), so the model decides, not the record layer: each protected message skipped (the next one
     * sealed in its place), repeated (sealed again in place of the next record, or after the end of the handshake),
     * and every foreign message in its place or after the end of the handshake.
     */
    private void addSealed(ScriptedPeer peer, List<Deviant> deviants) {
        List<WireRecord> script = peer.script();
        for (int i = 0; i <= script.size(); i++) {
            boolean end = i == script.size();
            if (!end && !script.get(i).protectedRecord()) {
                continue;
            }
            int at = i;
            if (!end && i + 1 < script.size() && script.get(i + 1).protectedRecord()) {
                ReadKeys.Plain next = peer.opened(i + 1);
                peer.sealedInPlaceOf(i, script.get(i + 1).input(), next.type(), next.content())
                        .ifPresent(r -> deviants.add(new Deviant(peer, Kind.SKIP, at, r, true, false)));
            }
            if (!end) {
                ReadKeys.Plain here = peer.opened(i);
                peer.sealedInPlaceOf(i + 1, script.get(i).input(), here.type(), here.content())
                        .ifPresent(r -> deviants.add(new Deviant(peer, Kind.REPEAT, at + 1, r, true, false)));
                if (script.get(i).epoch() == Epoch.EARLY) {
                    // RFC 8446 §4.5: 0-RTT data or EndOfEarlyData again after EndOfEarlyData, under the next epoch.
                    int after = firstAfterEarly(script, i);
                    Optional<WireRecord> late = after == i + 1 ? Optional.empty() : peer.sealedInPlaceOf(after, script.get(i).input(), here.type(), here.content());
                    late.ifPresent(r -> deviants.add(new Deviant(peer, Kind.REPEAT, after, r, true, false)));
                }
            }
            for (WireRecord other : foreign) {
                if (end || other.input() != script.get(i).input()) {
                    byte[] content = java.util.Arrays.copyOfRange(other.bytes(), 5, other.bytes().length);
                    peer.sealedInPlaceOf(i, other.input(), HANDSHAKE, content)
                            .ifPresent(r -> deviants.add(new Deviant(peer, Kind.HOP, at, r, true, otherVersion(other, peer))));
                }
            }
        }
    }

    /** The index of the first protected record after {@code i} the victim reads under another epoch than early. */
    private static int firstAfterEarly(List<WireRecord> script, int i) {
        int j = i + 1;
        while (j < script.size() && !(script.get(j).protectedRecord() && script.get(j).epoch() != Epoch.EARLY)) {
            j++;
        }
        return j;
    }

    /** Whether {@code foreignRecord} of {@link #foreign()} comes from the other version than {@code peer}'s flow. */
    boolean otherVersion(WireRecord foreignRecord, ScriptedPeer peer) {
        return foreignVersion.get(foreignRecord) != peer.scenario().version();
    }

    /** Plays one deviant trace on {@code kind}; returns the victim with its outcome and any discrepancy. */
    static Victim play(Deviant deviant, MachineKind kind) {
        Victim victim = deviant.peer().start(kind, deviant.prefix());
        victim.deliverDeviant(deviant.record(), deviant.epoch(), deviant.kind() + " " + deviant.record(),
                deviant.otherVersion());
        return victim;
    }

    /** Counts deviants per cell (kind × version × role of the engine under test), sorted. */
    static Map<String, Integer> countPerCell(List<Deviant> deviants) {
        Map<String, Integer> counts = new TreeMap<>();
        deviants.forEach(d -> counts.merge(d.cell(), 1, Integer::sum));
        return counts;
    }
}
