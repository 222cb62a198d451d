package io.tlsmachine.verification.engine;

import io.tlsmachine.MachineKind;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One seeded random walk: a scripted peer of a random handshake type and role plays its honest script with random
 * deviations (skip a message, repeat one, inject a message of another flow, or a plaintext handshake message where
 * TLS 1.3 keys are in use), and the engine under test must end every delivered record as the model predicts. One
 * walk in five is honest and must connect. The same seed gives the same walk.
 *
 * <p>After the first deviation the peer's transcript differs from ours, so its later ciphertexts would only test
 * the record layer's authentication: the walk then goes on with plaintext records and deviations only.
 */
final class RandomWalk {

    /** What one walk did and how it ended. */
    record Result(long seed, List<String> steps, Optional<String> discrepancy, String finalState) {

        String replay() {
            return "seed " + seed + " (replay: -Dtlsmachine.seed=" + seed + "): " + String.join(", ", steps);
        }
    }

    private RandomWalk() {
    }

    static Result run(DeviantCatalogue catalogue, long seed, MachineKind kind) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScriptedPeer> peers = catalogue.peers();
        ScriptedPeer peer = peers.get(random.nextInt(peers.size()));
        List<WireRecord> script = peer.script();
        boolean tls13 = peer.scenario().version() == ProtocolVersion.TLS13;
        boolean honest = random.nextInt(5) == 0;
        int deviationsLeft = honest ? 0 : 1 + random.nextInt(3);
        List<String> steps = new ArrayList<>(List.of(peer.scenario() + " against our " + peer.victimRole()));
        Victim victim = peer.start(kind, 0);
        int next = 0;
        WireRecord last = null;
        boolean offScript = false;
        boolean tls12Protected = false;
        while (!victim.engine().state().terminal() && next < script.size() && steps.size() < 40) {
            WireRecord upcoming = script.get(next);
            boolean plaintextReader = tls13 || !tls12Protected;
            // Protected records can be injected under the victim's keys only while it is on script (same transcript).
            boolean sealable = !offScript && upcoming.protectedRecord();
            if (deviationsLeft > 0 && (plaintextReader || sealable) && random.nextInt(3) == 0) {
                deviationsLeft--;
                offScript = true;
                int op = random.nextInt(3);
                if (op == 0 && upcoming.movable() && next + 1 < script.size() && script.get(next + 1).movable()) {
                    WireRecord skippedTo = script.get(next + 1);
                    steps.add("skip " + upcoming);
                    victim.deliverDeviant(skippedTo, Epoch.PLAINTEXT, "after skipping, " + skippedTo);
                    last = skippedTo;
                    next += 2;
                } else if (op == 1 && last != null && last.movable() && (tls13 || !last.changeCipherSpec())) {
                    steps.add("repeat " + last);
                    victim.deliverDeviant(last, Epoch.PLAINTEXT, "repeated " + last);
                } else {
                    WireRecord injected = catalogue.foreign().get(random.nextInt(catalogue.foreign().size()));
                    Optional<WireRecord> sealed = sealable ? peer.sealedInPlaceOf(next, injected.input(), 22,
                            Arrays.copyOfRange(injected.bytes(), 5, injected.bytes().length)) : Optional.empty();
                    if (sealed.isPresent()) {
                        steps.add("inject sealed " + sealed.get());
                        victim.deliverDeviant(sealed.get(), sealed.get().epoch(), "injected sealed " + sealed.get());
                    } else if (plaintextReader) {
                        steps.add("inject " + injected);
                        victim.deliverDeviant(injected.withVersionOf(upcoming), Epoch.PLAINTEXT, "injected " + injected,
                                catalogue.otherVersion(injected, peer));
                    }
                }
                continue;
            }
            if (offScript && !upcoming.movable()) {
                break;
            }
            steps.add(upcoming.toString());
            victim.deliverHonest(upcoming);
            tls12Protected |= !tls13 && upcoming.changeCipherSpec();
            last = upcoming;
            next++;
        }
        Optional<String> discrepancy = victim.discrepancy();
        if (discrepancy.isEmpty() && !offScript && !victim.engine().isHandshakeComplete()) {
            discrepancy = Optional.of("the honest walk did not connect: " + victim.engine().state().name());
        }
        return new Result(seed, steps, discrepancy, victim.engine().state().name());
    }
}
