package io.tlsmachine;

/**
 * An alert description code point; unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §6, RFC 5246 §7.2
 * enum { close_notify(0), unexpected_message(10), bad_record_mac(20), ..., (255) } AlertDescription;
 * </pre>
 *
 * @param code the code point, 0 to 255
 */
public record AlertDescription(int code) {
    /** The {@code close_notify} alert (0). */
    public static final AlertDescription CLOSE_NOTIFY = new AlertDescription(0);
    /** The {@code unexpected_message} alert (10). */
    public static final AlertDescription UNEXPECTED_MESSAGE = new AlertDescription(10);
    /** The {@code bad_record_mac} alert (20). */
    public static final AlertDescription BAD_RECORD_MAC = new AlertDescription(20);
    /** The {@code record_overflow} alert (22). */
    public static final AlertDescription RECORD_OVERFLOW = new AlertDescription(22);
    /** The {@code handshake_failure} alert (40). */
    public static final AlertDescription HANDSHAKE_FAILURE = new AlertDescription(40);
    /** The {@code bad_certificate} alert (42). */
    public static final AlertDescription BAD_CERTIFICATE = new AlertDescription(42);
    /** The {@code unsupported_certificate} alert (43). */
    public static final AlertDescription UNSUPPORTED_CERTIFICATE = new AlertDescription(43);
    /** The {@code certificate_revoked} alert (44). */
    public static final AlertDescription CERTIFICATE_REVOKED = new AlertDescription(44);
    /** The {@code certificate_expired} alert (45). */
    public static final AlertDescription CERTIFICATE_EXPIRED = new AlertDescription(45);
    /** The {@code certificate_unknown} alert (46). */
    public static final AlertDescription CERTIFICATE_UNKNOWN = new AlertDescription(46);
    /** The {@code illegal_parameter} alert (47). */
    public static final AlertDescription ILLEGAL_PARAMETER = new AlertDescription(47);
    /** The {@code unknown_ca} alert (48). */
    public static final AlertDescription UNKNOWN_CA = new AlertDescription(48);
    /** The {@code access_denied} alert (49). */
    public static final AlertDescription ACCESS_DENIED = new AlertDescription(49);
    /** The {@code decode_error} alert (50). */
    public static final AlertDescription DECODE_ERROR = new AlertDescription(50);
    /** The {@code decrypt_error} alert (51). */
    public static final AlertDescription DECRYPT_ERROR = new AlertDescription(51);
    /** The {@code protocol_version} alert (70). */
    public static final AlertDescription PROTOCOL_VERSION = new AlertDescription(70);
    /** The {@code insufficient_security} alert (71). */
    public static final AlertDescription INSUFFICIENT_SECURITY = new AlertDescription(71);
    /** The {@code internal_error} alert (80). */
    public static final AlertDescription INTERNAL_ERROR = new AlertDescription(80);
    /** The {@code inappropriate_fallback} alert (86). */
    public static final AlertDescription INAPPROPRIATE_FALLBACK = new AlertDescription(86);
    /** The {@code user_canceled} alert (90). */
    public static final AlertDescription USER_CANCELED = new AlertDescription(90);
    /** The {@code no_renegotiation} alert (100). */
    public static final AlertDescription NO_RENEGOTIATION = new AlertDescription(100);
    /** The {@code missing_extension} alert (109). */
    public static final AlertDescription MISSING_EXTENSION = new AlertDescription(109);
    /** The {@code unsupported_extension} alert (110). */
    public static final AlertDescription UNSUPPORTED_EXTENSION = new AlertDescription(110);
    /** The {@code unrecognized_name} alert (112). */
    public static final AlertDescription UNRECOGNIZED_NAME = new AlertDescription(112);
    /** The {@code bad_certificate_status_response} alert (113). */
    public static final AlertDescription BAD_CERTIFICATE_STATUS_RESPONSE = new AlertDescription(113);
    /** The {@code unknown_psk_identity} alert (115). */
    public static final AlertDescription UNKNOWN_PSK_IDENTITY = new AlertDescription(115);
    /** The {@code certificate_required} alert (116). */
    public static final AlertDescription CERTIFICATE_REQUIRED = new AlertDescription(116);
    /** The {@code no_application_protocol} alert (120). */
    public static final AlertDescription NO_APPLICATION_PROTOCOL = new AlertDescription(120);

    /**
     * Checks that {@code code} fits in one byte.
     *
     * @param code the code point, 0 to 255
     */
    public AlertDescription {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("alert description out of range: " + code);
        }
    }

    /** {@return the RFC name of this alert, or {@code unknown(N)}} */
    public String name() {
        return switch (code) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 21 -> "decryption_failed";
            case 22 -> "record_overflow";
            case 30 -> "decompression_failure";
            case 40 -> "handshake_failure";
            case 41 -> "no_certificate";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 44 -> "certificate_revoked";
            case 45 -> "certificate_expired";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 49 -> "access_denied";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 60 -> "export_restriction";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 100 -> "no_renegotiation";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 111 -> "certificate_unobtainable";
            case 112 -> "unrecognized_name";
            case 113 -> "bad_certificate_status_response";
            case 114 -> "bad_certificate_hash_value";
            case 115 -> "unknown_psk_identity";
            case 116 -> "certificate_required";
            case 120 -> "no_application_protocol";
            default -> "unknown(" + code + ")";
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
