package io.tlsmachine.model;

/**
 * Groups states by the protocol version they belong to; diagrams can draw one region at a time.
 */
public enum VersionRegion {
    /** States shared by both versions (before the version is known, and the terminal states). */
    COMMON,
    /** States only a TLS 1.3 connection reaches. */
    TLS13,
    /** States only a TLS 1.2 connection reaches. */
    TLS12;

    /**
     * Tells whether a facts combination can hold while a machine is in a state of this region.
     * Guards of a (state, input, epoch) are required to be exclusive and exhaustive over these facts.
     */
    public boolean admits(Negotiated facts) {
        return switch (this) {
            case COMMON -> true;
            case TLS13 -> facts.version() == ProtocolVersion.TLS13;
            case TLS12 -> facts.version() == ProtocolVersion.TLS12;
        };
    }
}
