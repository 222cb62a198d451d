package io.tlsmachine.impl.crypto;

/** A running hash; {@link #copy} lets a transcript take a snapshot without ending. */
public interface Digest {
    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Returns the hash of everything so far and resets. */
    byte[] finish();

    /** Returns an independent copy holding the same state. */
    Digest copy();

    HashAlgorithm algorithm();
}
