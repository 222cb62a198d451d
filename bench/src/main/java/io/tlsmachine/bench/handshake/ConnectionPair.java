package io.tlsmachine.bench.handshake;

/** A client and a server of one stack wired back to back in memory, driven from one thread. */
interface ConnectionPair {

    /**
     * Runs the handshake to completion (both sides established, post-handshake messages such as tickets delivered).
     *
     * @throws IllegalStateException when either side failed or the two are still talking after many rounds
     */
    void handshake();

    /** Returns what each side sent during the handshake. */
    HandshakeTraffic traffic();

    /** Returns the bytes the server sent during the handshake: a full handshake carries its certificate chain. */
    default long serverHandshakeBytes() {
        return traffic().serverBytes();
    }

    /** Tells whether the stack itself says the handshake resumed a session; empty when its API does not say. */
    java.util.Optional<Boolean> reportsResumed();

    /** Returns the negotiated cipher suite's IANA name (TLS_AES_128_GCM_SHA256, ...). */
    String cipherSuite();

    /** Returns what an application keeps per connection pair (the two endpoints, not this harness's buffers). */
    Object endpoints();

    /** Sends {@code data} from client to server in one application write; returns the bytes the server read. */
    int transfer(byte[] data);

    /** Frees what the endpoints hold outside the Java heap (BoringSSL's native SSL objects); the pair is done. */
    default void release() {
    }
}
