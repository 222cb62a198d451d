package io.tlsmachine.model.analysis;

/** Names the side of a connection that sent a message. */
public enum Role {
    CLIENT,
    SERVER;

    /** Returns the other side. */
    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
