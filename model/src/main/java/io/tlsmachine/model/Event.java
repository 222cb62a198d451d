package io.tlsmachine.model;

/**
 * Pairs an input with the epoch it arrived under: the event value given to Squirrel.
 * Instances are interned; use {@link #of}.
 */
public record Event(Input input, Epoch epoch) {

    private static final Event[][] INTERNED = intern();

    private static Event[][] intern() {
        Event[][] events = new Event[Input.values().length][Epoch.values().length];
        for (Input i : Input.values()) {
            for (Epoch e : Epoch.values()) {
                events[i.ordinal()][e.ordinal()] = new Event(i, e);
            }
        }
        return events;
    }

    /** Returns the interned event for (input, epoch). */
    public static Event of(Input input, Epoch epoch) {
        return INTERNED[input.ordinal()][epoch.ordinal()];
    }

    @Override
    public String toString() {
        return input + "@" + epoch.label();
    }
}
