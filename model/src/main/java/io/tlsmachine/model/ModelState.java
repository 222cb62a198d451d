package io.tlsmachine.model;

/**
 * Describes a state of either machine: its name, version region and read epoch.
 */
public interface ModelState {

    /** Returns the enum constant name. */
    String name();

    /** Returns the enum ordinal, used as the row index of the compiled table. */
    int ordinal();

    /** Returns the version region this state belongs to. */
    VersionRegion region();

    /**
     * Returns the epoch records are read under in this state; {@link Epoch#LOCAL} for a state that waits
     * only for a local command or decision (and for the terminal states, which read nothing).
     */
    Epoch readEpoch();

    /** Tells whether this is CLOSED or FAILED. */
    boolean terminal();

    /** Tells whether the handshake is complete and application data flows (TLS 1.3 or TLS 1.2). */
    boolean connected();
}
