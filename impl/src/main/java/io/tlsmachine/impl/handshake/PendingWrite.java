package io.tlsmachine.impl.handshake;

import java.util.Objects;

/**
 * Names the application data one APPLICATION_WRITE sends: {@code bytes[offset, offset+length)}, not copied (the
 * engine seals it before its write call returns, so the caller's array is not kept).
 */
public record PendingWrite(byte[] bytes, int offset, int length) {

    public PendingWrite {
        Objects.checkFromIndexSize(offset, length, bytes.length);
    }
}
