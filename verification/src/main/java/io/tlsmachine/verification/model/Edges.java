package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Transition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Collects the small predicates over transitions and facts that the safety properties are written with. */
final class Edges {

    /** Handshake messages: received inputs other than ChangeCipherSpec, alerts and application data. */
    static final Set<Input> HANDSHAKE_MESSAGES = EnumSet.of(Input.CLIENT_HELLO, Input.SERVER_HELLO,
            Input.HELLO_RETRY_REQUEST, Input.ENCRYPTED_EXTENSIONS, Input.CERTIFICATE, Input.CERTIFICATE_EMPTY,
            Input.CERTIFICATE_REQUEST, Input.CERTIFICATE_VERIFY, Input.SERVER_KEY_EXCHANGE, Input.SERVER_HELLO_DONE,
            Input.CLIENT_KEY_EXCHANGE, Input.NEW_SESSION_TICKET, Input.END_OF_EARLY_DATA, Input.KEY_UPDATE_NOT_REQUESTED,
            Input.KEY_UPDATE_REQUESTED, Input.FINISHED, Input.HELLO_REQUEST);

    /** Messages that exist only in TLS 1.2. */
    static final Set<Input> TLS12_ONLY = EnumSet.of(Input.SERVER_KEY_EXCHANGE, Input.SERVER_HELLO_DONE,
            Input.CLIENT_KEY_EXCHANGE, Input.HELLO_REQUEST);

    /** Messages that exist only in TLS 1.3. */
    static final Set<Input> TLS13_ONLY = EnumSet.of(Input.HELLO_RETRY_REQUEST, Input.ENCRYPTED_EXTENSIONS,
            Input.END_OF_EARLY_DATA, Input.KEY_UPDATE_NOT_REQUESTED, Input.KEY_UPDATE_REQUESTED);

    private Edges() {
    }

    static boolean tls13(Negotiated f) {
        return f.version() == ProtocolVersion.TLS13;
    }

    static boolean tls12(Negotiated f) {
        return f.version() == ProtocolVersion.TLS12;
    }

    static Monitor.Edge received(Input input) {
        return (t, f) -> t.input() == input;
    }

    static boolean failed(Transition<?, ?> t) {
        return t.to().name().equals("FAILED");
    }

    /**
     * Whether {@code t} acts on a received ChangeCipherSpec: moves on to another live state. Dropping it (a self-loop)
     * or rejecting it (into FAILED, e.g. before a TLS 1.2-only client's ServerHello) is not acting on it.
     */
    static boolean actsOnChangeCipherSpec(Transition<?, ?> t) {
        return t.input() == Input.CHANGE_CIPHER_SPEC && t.to() != t.from() && !failed(t);
    }

    static boolean entersConnected(Transition<?, ?> t) {
        return t.to().connected() && !t.from().connected();
    }

    /** Returns the messages the transition sends under these facts, in order. */
    static List<Message> sent(Transition<?, ?> t, Negotiated f) {
        return t.outputsFor(f).stream().map(Output::message).toList();
    }

    static boolean sends(Transition<?, ?> t, Negotiated f, Message m) {
        return sent(t, f).contains(m);
    }

    static boolean sendsUnder(Transition<?, ?> t, Negotiated f, Message m, Epoch epoch) {
        return t.outputsFor(f).stream().anyMatch(o -> o.message() == m && o.epoch() == epoch);
    }

    /** Tells whether {@code first} is sent before {@code then} by this transition (both present). */
    static boolean sentBefore(Transition<?, ?> t, Negotiated f, Message first, Message then) {
        List<Message> sent = sent(t, f);
        int a = sent.indexOf(first);
        int b = sent.indexOf(then);
        return a >= 0 && b >= 0 && a < b;
    }
}
