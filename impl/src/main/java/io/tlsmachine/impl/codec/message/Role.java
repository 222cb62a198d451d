package io.tlsmachine.impl.codec.message;

/** Which side of a connection sent a message. */
public enum Role {
    CLIENT,
    SERVER
}
