package io.tlsmachine.model;

/**
 * Names the action of a transition and calls the matching method of a role's steps port {@code P}.
 *
 * <p>A step may return updated facts; it never chooses the next state. Implemented by the
 * per-role enums {@code ClientStep} and {@code ServerStep}.
 *
 * @param <P> the steps port of the role
 */
public interface Step<P> {

    /** Runs this step against the port and returns the (possibly updated) facts. */
    Negotiated apply(P port, Negotiated facts);

    /** Returns the enum constant name. */
    String name();

    /** Returns the enum ordinal: an index for tables keyed by step. */
    int ordinal();
}
