package io.tlsmachine.model;

/**
 * Names the keys an input arrived under (or {@link #LOCAL} for a local command or decision).
 *
 * <p>The right message under the wrong epoch is rejected like a wrong message. In TLS 1.2 the records
 * after ChangeCipherSpec use the negotiated connection keys, which the model calls {@link #APPLICATION}. The record
 * layer keeps its keys per epoch too (a record protection names the epoch it belongs to; never {@link #LOCAL}), so a
 * received record's epoch is the input's without translation.
 */
public enum Epoch {
    /** Unprotected records (ClientHello, ServerHello, TLS 1.2 handshake before ChangeCipherSpec, ChangeCipherSpec). */
    PLAINTEXT,
    /** TLS 1.3 client_early_traffic_secret (RFC 8446 §7.1): 0-RTT data and EndOfEarlyData. */
    EARLY,
    /** TLS 1.3 [sender]_handshake_traffic_secret (RFC 8446 §7.1). */
    HANDSHAKE,
    /** TLS 1.3 application traffic secrets; TLS 1.2 connection keys after ChangeCipherSpec. */
    APPLICATION,
    /** Not a record: a command from the application or a decision of the local endpoint. */
    LOCAL;

    /** Returns the lower-case name used in diagram labels (e.g. {@code handshake}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
