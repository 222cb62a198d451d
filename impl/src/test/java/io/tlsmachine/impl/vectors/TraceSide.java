package io.tlsmachine.impl.vectors;

/** Who performs a step of an example trace: the {client} or {server} tag of a step heading. */
public enum TraceSide {
    CLIENT,
    SERVER;

    /** Returns the other side. */
    public TraceSide peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
