package io.tlsmachine;

/**
 * The labels of the NSS key log format (as Wireshark reads it): which secret a line carries.
 *
 * <p>Each line is {@code <label> <client_random hex> <secret hex>}; the client random (32 bytes,
 * RFC 8446 §4.1.2 / RFC 5246 §7.4.1.2) identifies the connection.
 */
public enum KeyLogLabel {
    /** TLS 1.2 (and earlier): the 48-byte master secret (RFC 5246 §8.1). */
    CLIENT_RANDOM,
    /** RFC 8446 §7.1 client_early_traffic_secret. */
    CLIENT_EARLY_TRAFFIC_SECRET,
    /** RFC 8446 §7.1 early_exporter_master_secret. */
    EARLY_EXPORTER_SECRET,
    /** RFC 8446 §7.1 client_handshake_traffic_secret. */
    CLIENT_HANDSHAKE_TRAFFIC_SECRET,
    /** RFC 8446 §7.1 server_handshake_traffic_secret. */
    SERVER_HANDSHAKE_TRAFFIC_SECRET,
    /** RFC 8446 §7.1 client_application_traffic_secret_0. */
    CLIENT_TRAFFIC_SECRET_0,
    /** RFC 8446 §7.1 server_application_traffic_secret_0. */
    SERVER_TRAFFIC_SECRET_0,
    /** RFC 8446 §7.1 exporter_master_secret. */
    EXPORTER_SECRET
}
