package io.tlsmachine.verification.engine;

import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;

/**
 * One record an honest peer sent, with the model input and epoch the receiving engine took it as in the honest run
 * ({@code input} is null when the record fired no input, e.g. a TLS 1.3 compatibility change_cipher_spec).
 */
record WireRecord(byte[] bytes, Input input, Epoch epoch) {

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;

    /** Whether the record is a plaintext handshake message or change_cipher_spec that can be moved or repeated as it is. */
    boolean movable() {
        int type = bytes[0] & 0xFF;
        return input != null && epoch == Epoch.PLAINTEXT && (type == HANDSHAKE || type == CHANGE_CIPHER_SPEC);
    }

    /** Whether the record is a plaintext handshake message (one that can also be injected where keys are in use). */
    boolean plaintextHandshake() {
        return movable() && (bytes[0] & 0xFF) == HANDSHAKE;
    }

    boolean changeCipherSpec() {
        return (bytes[0] & 0xFF) == CHANGE_CIPHER_SPEC;
    }

    /** Whether the engine under test read this record under handshake or application keys. */
    boolean protectedRecord() {
        return input != null && epoch != Epoch.PLAINTEXT;
    }

    /** Returns this record with the record-layer version of {@code other}, so only its content is out of place. */
    WireRecord withVersionOf(WireRecord other) {
        byte[] copy = bytes.clone();
        copy[1] = other.bytes[1];
        copy[2] = other.bytes[2];
        return new WireRecord(copy, input, epoch);
    }

    /** Returns {@code content} in one plaintext record of {@code type} (RFC 5246 §6.2.1), taken as {@code input}. */
    static WireRecord plaintext(int type, byte[] content, Input input) {
        return new WireRecord(TestRecords.plaintext(type, content), input, Epoch.PLAINTEXT);
    }

    @Override
    public String toString() {
        return (input == null ? "record type " + (bytes[0] & 0xFF) : input + "@" + epoch.label());
    }
}
