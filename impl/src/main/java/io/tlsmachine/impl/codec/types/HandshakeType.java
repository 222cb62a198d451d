package io.tlsmachine.impl.codec.types;

/**
 * A handshake message type code point; unknown values are kept as data.
 *
 * <p>TLS 1.3 has no hello_retry_request type: a HelloRetryRequest is a {@link #SERVER_HELLO} whose
 * random is the special value of RFC 8446 §4.1.3 (the draft code point 6 was removed in the RFC).
 *
 * <pre>
 * // RFC 8446 §4, RFC 5246 §7.4, RFC 5077 §3.3
 * enum {
 *     hello_request(0), client_hello(1), server_hello(2), hello_verify_request(3), new_session_ticket(4),
 *     end_of_early_data(5), encrypted_extensions(8), certificate(11), server_key_exchange(12),
 *     certificate_request(13), server_hello_done(14), certificate_verify(15), client_key_exchange(16),
 *     finished(20), certificate_url(21), certificate_status(22), key_update(24), message_hash(254), (255)
 * } HandshakeType;
 * </pre>
 */
public record HandshakeType(int code) {
    public static final HandshakeType HELLO_REQUEST = new HandshakeType(0x00);
    public static final HandshakeType CLIENT_HELLO = new HandshakeType(0x01);
    public static final HandshakeType SERVER_HELLO = new HandshakeType(0x02);
    public static final HandshakeType HELLO_VERIFY_REQUEST = new HandshakeType(0x03);
    public static final HandshakeType NEW_SESSION_TICKET = new HandshakeType(0x04);
    public static final HandshakeType END_OF_EARLY_DATA = new HandshakeType(0x05);
    public static final HandshakeType ENCRYPTED_EXTENSIONS = new HandshakeType(0x08);
    public static final HandshakeType CERTIFICATE = new HandshakeType(0x0B);
    public static final HandshakeType SERVER_KEY_EXCHANGE = new HandshakeType(0x0C);
    public static final HandshakeType CERTIFICATE_REQUEST = new HandshakeType(0x0D);
    public static final HandshakeType SERVER_HELLO_DONE = new HandshakeType(0x0E);
    public static final HandshakeType CERTIFICATE_VERIFY = new HandshakeType(0x0F);
    public static final HandshakeType CLIENT_KEY_EXCHANGE = new HandshakeType(0x10);
    public static final HandshakeType FINISHED = new HandshakeType(0x14);
    public static final HandshakeType CERTIFICATE_URL = new HandshakeType(0x15);
    public static final HandshakeType CERTIFICATE_STATUS = new HandshakeType(0x16);
    public static final HandshakeType KEY_UPDATE = new HandshakeType(0x18);
    /** RFC 8446 §4.4.1: the synthetic message replacing ClientHello1 in the transcript after a HelloRetryRequest. */
    public static final HandshakeType MESSAGE_HASH = new HandshakeType(0xFE);

    public HandshakeType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("HandshakeType out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
    public String name() {
        return switch (code) {
            case 0x00 -> "hello_request";
            case 0x01 -> "client_hello";
            case 0x02 -> "server_hello";
            case 0x03 -> "hello_verify_request";
            case 0x04 -> "new_session_ticket";
            case 0x05 -> "end_of_early_data";
            case 0x08 -> "encrypted_extensions";
            case 0x0B -> "certificate";
            case 0x0C -> "server_key_exchange";
            case 0x0D -> "certificate_request";
            case 0x0E -> "server_hello_done";
            case 0x0F -> "certificate_verify";
            case 0x10 -> "client_key_exchange";
            case 0x14 -> "finished";
            case 0x15 -> "certificate_url";
            case 0x16 -> "certificate_status";
            case 0x18 -> "key_update";
            case 0xFE -> "message_hash";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
