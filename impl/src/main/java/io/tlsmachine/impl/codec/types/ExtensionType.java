package io.tlsmachine.impl.codec.types;

/**
 * An extension type code point; unknown values (including GREASE) are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.2, RFC 6066, RFC 7301, RFC 7627, RFC 5077, RFC 5746, RFC 8449, RFC 7685
 * enum { server_name(0), ..., key_share(51), (65535) } ExtensionType;
 * </pre>
 */
public record ExtensionType(int code) {
    /** RFC 6066 §3 */
    public static final ExtensionType SERVER_NAME = new ExtensionType(0x0000);
    /** RFC 6066 §4 */
    public static final ExtensionType MAX_FRAGMENT_LENGTH = new ExtensionType(0x0001);
    /** RFC 6066 §8 */
    public static final ExtensionType STATUS_REQUEST = new ExtensionType(0x0005);
    /** RFC 8446 §4.2.7 (elliptic_curves in RFC 4492) */
    public static final ExtensionType SUPPORTED_GROUPS = new ExtensionType(0x000A);
    /** RFC 4492 §5.1.2 */
    public static final ExtensionType EC_POINT_FORMATS = new ExtensionType(0x000B);
    /** RFC 8446 §4.2.3 */
    public static final ExtensionType SIGNATURE_ALGORITHMS = new ExtensionType(0x000D);
    /** RFC 5764 */
    public static final ExtensionType USE_SRTP = new ExtensionType(0x000E);
    /** RFC 6520 */
    public static final ExtensionType HEARTBEAT = new ExtensionType(0x000F);
    /** RFC 7301 */
    public static final ExtensionType APPLICATION_LAYER_PROTOCOL_NEGOTIATION = new ExtensionType(0x0010);
    /** RFC 6962 */
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = new ExtensionType(0x0012);
    /** RFC 7250 */
    public static final ExtensionType CLIENT_CERTIFICATE_TYPE = new ExtensionType(0x0013);
    /** RFC 7250 */
    public static final ExtensionType SERVER_CERTIFICATE_TYPE = new ExtensionType(0x0014);
    /** RFC 7685 */
    public static final ExtensionType PADDING = new ExtensionType(0x0015);
    /** RFC 7366 */
    public static final ExtensionType ENCRYPT_THEN_MAC = new ExtensionType(0x0016);
    /** RFC 7627 */
    public static final ExtensionType EXTENDED_MASTER_SECRET = new ExtensionType(0x0017);
    /** RFC 8449 */
    public static final ExtensionType RECORD_SIZE_LIMIT = new ExtensionType(0x001C);
    /** RFC 5077 */
    public static final ExtensionType SESSION_TICKET = new ExtensionType(0x0023);
    /** RFC 8446 §4.2.11 */
    public static final ExtensionType PRE_SHARED_KEY = new ExtensionType(0x0029);
    /** RFC 8446 §4.2.10 */
    public static final ExtensionType EARLY_DATA = new ExtensionType(0x002A);
    /** RFC 8446 §4.2.1 */
    public static final ExtensionType SUPPORTED_VERSIONS = new ExtensionType(0x002B);
    /** RFC 8446 §4.2.2 */
    public static final ExtensionType COOKIE = new ExtensionType(0x002C);
    /** RFC 8446 §4.2.9 */
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = new ExtensionType(0x002D);
    /** RFC 8446 §4.2.4 */
    public static final ExtensionType CERTIFICATE_AUTHORITIES = new ExtensionType(0x002F);
    /** RFC 8446 §4.2.5 */
    public static final ExtensionType OID_FILTERS = new ExtensionType(0x0030);
    /** RFC 8446 §4.2.6 */
    public static final ExtensionType POST_HANDSHAKE_AUTH = new ExtensionType(0x0031);
    /** RFC 8446 §4.2.3 */
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = new ExtensionType(0x0032);
    /** RFC 8446 §4.2.8 */
    public static final ExtensionType KEY_SHARE = new ExtensionType(0x0033);
    /** RFC 5746 §3.2 */
    public static final ExtensionType RENEGOTIATION_INFO = new ExtensionType(0xFF01);

    public ExtensionType {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("ExtensionType out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXXXX)}. */
    public String name() {
        return switch (code) {
            case 0x0000 -> "server_name";
            case 0x0001 -> "max_fragment_length";
            case 0x0005 -> "status_request";
            case 0x000A -> "supported_groups";
            case 0x000B -> "ec_point_formats";
            case 0x000D -> "signature_algorithms";
            case 0x000E -> "use_srtp";
            case 0x000F -> "heartbeat";
            case 0x0010 -> "application_layer_protocol_negotiation";
            case 0x0012 -> "signed_certificate_timestamp";
            case 0x0013 -> "client_certificate_type";
            case 0x0014 -> "server_certificate_type";
            case 0x0015 -> "padding";
            case 0x0016 -> "encrypt_then_mac";
            case 0x0017 -> "extended_master_secret";
            case 0x001C -> "record_size_limit";
            case 0x0023 -> "session_ticket";
            case 0x0029 -> "pre_shared_key";
            case 0x002A -> "early_data";
            case 0x002B -> "supported_versions";
            case 0x002C -> "cookie";
            case 0x002D -> "psk_key_exchange_modes";
            case 0x002F -> "certificate_authorities";
            case 0x0030 -> "oid_filters";
            case 0x0031 -> "post_handshake_auth";
            case 0x0032 -> "signature_algorithms_cert";
            case 0x0033 -> "key_share";
            case 0xFF01 -> "renegotiation_info";
            case 0x0039 -> "quic_transport_parameters";
            case 0x001B -> "compress_certificate";
            case 0xFE0D -> "encrypted_client_hello";
            default -> String.format("unknown(0x%04X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
