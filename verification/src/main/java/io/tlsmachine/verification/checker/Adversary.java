package io.tlsmachine.verification.checker;

/**
 * Names what the network between client and server may do, and how many adversary actions one run may take, so
 * the composed state space is finite.
 *
 * @param drops how many in-flight messages the network may drop in one run
 * @param duplicates how many in-flight messages it may duplicate
 * @param reorders whether any in-flight message (not only the oldest) may be delivered next
 * @param injections how many messages of its own choosing (any input of either version, any epoch, to either side)
 *     the adversary may deliver in one run
 */
public record Adversary(String name, int drops, int duplicates, boolean reorders, int injections) {

    /** A reliable FIFO network. */
    public static final Adversary NONE = new Adversary("none", 0, 0, false, 0);

    /** A network that drops, duplicates and reorders (budget: one drop and one duplicate per run). */
    public static final Adversary PASSIVE = new Adversary("passive", 1, 1, true, 0);

    /**
     * An adversary that reorders, drops one message, replays one (a copy of any record in flight, or of one already
     * delivered) and injects up to two messages of its choosing per run (any input of either version under any epoch,
     * to either side). Only a replay can supply a Finished that verifies.
     */
    public static final Adversary ACTIVE = new Adversary("active", 1, 1, true, 2);

    /** Returns the configuration named {@code none}, {@code passive} or {@code active}. */
    public static Adversary named(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "passive" -> PASSIVE;
            case "active" -> ACTIVE;
            default -> throw new IllegalArgumentException("adversary must be none, passive or active: " + name);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
