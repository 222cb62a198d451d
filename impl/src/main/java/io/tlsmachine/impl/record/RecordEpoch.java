package io.tlsmachine.impl.record;

/**
 * The record protection a record arrived under (or is sent under): the "epoch" the model checks
 * each message against ({@code io.tlsmachine.model.Epoch} has the same names, plus LOCAL).
 *
 * <p>TLS 1.3 (RFC 8446 §7.3) has one traffic key per phase: plaintext, early data
 * (client_early_traffic_secret), handshake ([sender]_handshake_traffic_secret) and application
 * ([sender]_application_traffic_secret_N). TLS 1.2 has plaintext and the connection keys activated
 * by ChangeCipherSpec, which are {@link #APPLICATION}, as in the model.
 */
public enum RecordEpoch {
    PLAINTEXT,
    EARLY,
    HANDSHAKE,
    APPLICATION
}
