package io.tlsmachine.model;

/**
 * Reports that a machine has no transition for (state, input, epoch) under the current facts: a fatal
 * unexpected_message (RFC 8446 §6.2, RFC 5246 §7.2.2). Raised only by {@link CompiledMachine#step} and
 * {@link StrictMachine#fire}; the machine is FAILED afterwards.
 */
public final class UnexpectedMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ModelState state;
    private final Input input;
    private final Epoch epoch;

    public UnexpectedMessage(ModelState state, Input input, Epoch epoch) {
        super("unexpected " + input + "@" + epoch.label() + " in " + state.name(), null, false, false);
        this.state = state;
        this.input = input;
        this.epoch = epoch;
    }

    /** Returns the state the input arrived in. */
    public ModelState state() {
        return state;
    }

    /** Returns the unexpected input. */
    public Input input() {
        return input;
    }

    /** Returns the epoch the input arrived under. */
    public Epoch epoch() {
        return epoch;
    }
}
