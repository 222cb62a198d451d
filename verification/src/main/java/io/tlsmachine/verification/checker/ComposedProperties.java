package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.analysis.Composition;
import java.util.Collections;
import java.util.List;

/**
 * Lists the properties the composed checker checks on every reachable move: the two-party forms of P1, P2, P7, P8,
 * P10, P11, P12 and P23 (which {@code SafetyProperties} proves on each machine alone over every input) and the composed
 * properties P21 (agreement) and P22 (no stuck run; liveness without an adversary, checked by {@link ComposedChecker}).
 */
public final class ComposedProperties {

    /** The id of the liveness property, checked per run rather than per move. */
    public static final String LIVENESS = "P22";

    private ComposedProperties() {
    }

    /** Returns every per-move property, in order. */
    public static List<ComposedProperty> all() {
        return List.of(
                new ComposedProperty("P1", "A side becomes connected only by receiving the peer's Finished.",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            return t != null && t.to().connected() && !t.from().connected() && t.input() != Input.FINISHED
                                    ? side(move) + " enters " + t.to().name() + " on " + t.input() : null;
                        }),
                new ComposedProperty("P2", "Application data is accepted only under application keys when connected, or as accepted 0-RTT.",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            if (t == null || t.input() != Input.APPLICATION_DATA) {
                                return null;
                            }
                            boolean ok = (t.epoch() == Epoch.APPLICATION && t.from().connected())
                                    || (t.epoch() == Epoch.EARLY && f.earlyDataAccepted());
                            return ok ? null : side(move) + " accepts ApplicationData@" + t.epoch().label() + " in "
                                    + t.from().name();
                        }),
                new ComposedProperty("P7", "At most one HelloRetryRequest per connection.",
                        (f, m, before, move) -> {
                            int seen = Collections.frequency(move.next().client().transcript(), Input.HELLO_RETRY_REQUEST);
                            return seen > 1 ? "the client accepted " + seen + " HelloRetryRequests" : null;
                        }),
                new ComposedProperty("P8", "No handshake message is accepted in plaintext once a side reads protected records.",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            if (t == null || t.epoch() != Epoch.PLAINTEXT || !Composition.TRANSCRIPT_MESSAGES.contains(t.input())) {
                                return null;
                            }
                            Side side = move.fired().client() ? before.client() : before.server();
                            return side.readProtected() ? side(move) + " accepts " + t.input()
                                    + "@plaintext after reading protected records" : null;
                        }),
                new ComposedProperty("P8", "Every handshake message is accepted under its state's read epoch.",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            return t != null && Composition.TRANSCRIPT_MESSAGES.contains(t.input()) && t.epoch() != t.from().readEpoch()
                                    ? side(move) + " accepts " + t.input() + "@" + t.epoch().label() + " in " + t.from().name()
                                            + ", which reads " + t.from().readEpoch().label() : null;
                        }),
                new ComposedProperty("P10", "TLS 1.2: a ChangeCipherSpec is acted on only after the key exchange (CVE-2014-0224).",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            if (t == null || t.input() != Input.CHANGE_CIPHER_SPEC || t.from().region() != VersionRegion.TLS12
                                    || t.to() == t.from()) {
                                return null;
                            }
                            boolean client = move.fired().client();
                            List<Input> transcript = client ? before.client().transcript() : before.server().transcript();
                            boolean abbreviated = f.tls12Handshake().abbreviated();
                            boolean keysReady;
                            if (client) {
                                keysReady = transcript.contains(abbreviated ? Input.SERVER_HELLO : Input.SERVER_HELLO_DONE);
                            } else if (abbreviated) {
                                keysReady = transcript.contains(Input.FINISHED);
                            } else {
                                int done = transcript.indexOf(Input.SERVER_HELLO_DONE);
                                List<Input> flight = done < 0 ? List.of() : transcript.subList(done, transcript.size());
                                keysReady = flight.contains(Input.CLIENT_KEY_EXCHANGE)
                                        && (!flight.contains(Input.CERTIFICATE) || flight.contains(Input.CERTIFICATE_VERIFY));
                            }
                            return keysReady ? null : side(move) + " acts on ChangeCipherSpec in " + t.from().name()
                                    + " after only " + transcript;
                        }),
                new ComposedProperty("P11", "The versions do not mix: no transition between the TLS 1.2 and TLS 1.3 regions.",
                        (f, m, before, move) -> {
                            Transition<?, ?> t = taken(move);
                            if (t == null) {
                                return null;
                            }
                            VersionRegion a = t.from().region();
                            VersionRegion b = t.to().region();
                            return a != VersionRegion.COMMON && b != VersionRegion.COMMON && a != b
                                    ? side(move) + " moves from " + a + " " + t.from().name() + " to " + b + " " + t.to().name()
                                    : null;
                        }),
                new ComposedProperty("P12", "A client that sees the downgrade sentinel never connects.",
                        (f, m, before, move) -> f.downgradeDetected() && m.client.state(move.next().client().state()).connected()
                                ? "the client is connected although the ServerHello carried the downgrade sentinel" : null),
                new ComposedProperty("P23", "The server accepts a second ClientHello only after its HelloRetryRequest.",
                        (f, m, before, move) -> {
                            List<Input> t = move.next().server().transcript();
                            int hellos = Collections.frequency(t, Input.CLIENT_HELLO);
                            int retries = Collections.frequency(t, Input.HELLO_RETRY_REQUEST);
                            return hellos > 1 + retries ? "the server accepted " + hellos + " ClientHellos after "
                                    + retries + " HelloRetryRequests" : null;
                        }),
                new ComposedProperty("P21", "Both sides connected agree: same version and the same handshake transcript.",
                        (f, m, before, move) -> {
                            ComposedState s = move.next();
                            if (!m.bothConnected(s) || m.bothConnected(before)) {
                                return null;
                            }
                            ModelState c = m.client.state(s.client().state());
                            ModelState v = m.server.state(s.server().state());
                            if (c.region() != v.region()) {
                                return "client connected in " + c.name() + ", server in " + v.name();
                            }
                            return s.client().transcript().equals(s.server().transcript()) ? null
                                    : "transcripts differ: client " + s.client().transcript() + ", server "
                                            + s.server().transcript();
                        }));
    }

    private static Transition<?, ?> taken(Move move) {
        return move.fired() == null ? null : move.fired().transition();
    }

    private static String side(Move move) {
        return move.fired().client() ? "client" : "server";
    }
}
