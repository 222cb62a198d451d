package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.keyschedule.Tls12MasterSecret;
import io.tlsmachine.impl.record.RecordProtection;
import java.util.Objects;

/**
 * Holds one TLS 1.2 connection's session: its master secret (RFC 5246 §8.1, RFC 7627), the connection keys that wait
 * for ChangeCipherSpec (§7.1), and the session ID a full handshake issues for the server's cache (§7.4.1.3).
 */
final class Tls12Session {

    private Tls12MasterSecret masterSecret;
    private RecordProtection pendingRead;
    private RecordProtection pendingWrite;
    private Opaque issuedSessionId;

    /** Keeps the session's master secret, computed or resumed. */
    void establish(Tls12MasterSecret secret) {
        this.masterSecret = Objects.requireNonNull(secret, "secret");
    }

    /** Whether the master secret is known. */
    boolean established() {
        return masterSecret != null;
    }

    /** Returns the master secret; call it once {@link #established()}. */
    Tls12MasterSecret masterSecret() {
        if (masterSecret == null) {
            throw new IllegalStateException("no TLS 1.2 master secret yet");
        }
        return masterSecret;
    }

    /** RFC 5246 §6.3: keeps the connection keys of the key block until each direction's ChangeCipherSpec. */
    void pendKeys(RecordProtection read, RecordProtection write) {
        this.pendingRead = Objects.requireNonNull(read, "read");
        this.pendingWrite = Objects.requireNonNull(write, "write");
    }

    /** RFC 5246 §7.1: hands over the read keys the peer's ChangeCipherSpec activates. */
    RecordProtection takeReadKeys() {
        RecordProtection keys = Objects.requireNonNull(pendingRead, "no pending read keys");
        pendingRead = null;
        return keys;
    }

    /** RFC 5246 §7.1: hands over the write keys our ChangeCipherSpec activates. */
    RecordProtection takeWriteKeys() {
        RecordProtection keys = Objects.requireNonNull(pendingWrite, "no pending write keys");
        pendingWrite = null;
        return keys;
    }

    /** Server: the session ID this full handshake issues, to cache the session under when it completes. */
    void issueSessionId(Opaque id) {
        this.issuedSessionId = Objects.requireNonNull(id, "id");
    }

    /** Server: the session ID this full handshake issued, or null when it issues none. */
    Opaque issuedSessionId() {
        return issuedSessionId;
    }
}
