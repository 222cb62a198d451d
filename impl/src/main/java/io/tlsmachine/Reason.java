package io.tlsmachine;

import java.util.Optional;

/**
 * Why a connection failed; at least as specific as the alert it maps to.
 *
 * <p>{@link #alertToSend()} is the one place where reasons become alerts. Add a reason here (never
 * a second mapping elsewhere) when a new failure needs its own name.
 */
public enum Reason {
    // Model and message order. RFC 8446 §4 / RFC 5246 §7.3: a message out of order.
    /** RFC 8446 §4, RFC 5246 §7.3: a message the model has no transition for in this state. */
    UNEXPECTED_MESSAGE,
    /** A right message under the wrong record protection (epoch). */
    WRONG_EPOCH,
    /** RFC 8446 §5: an unknown record content type. */
    UNKNOWN_CONTENT_TYPE,
    /** RFC 8446 §5.1: a zero-length handshake or alert fragment. */
    ZERO_LENGTH_FRAGMENT,
    /** RFC 8446 §5.1: a handshake message split across a key change. */
    KEY_CHANGE_NOT_ON_RECORD_BOUNDARY,
    /** RFC 8446 §5.1: a handshake message interleaved with another content type. */
    INTERLEAVED_HANDSHAKE,
    /** RFC 8446 §4.2.10: more 0-RTT data than max_early_data_size. */
    TOO_MUCH_EARLY_DATA,

    // Decoding. RFC 8446 §6.2 decode_error.
    /** RFC 8446 §6.2 decode_error: a message or record that does not parse. */
    MALFORMED_MESSAGE,
    /** Bytes left over after a message or structure that parsed (decode_error). */
    TRAILING_BYTES,
    /** A length field outside the bounds its structure declares (decode_error). */
    LENGTH_OUT_OF_RANGE,
    /** A handshake message longer than the configured limit. */
    HANDSHAKE_MESSAGE_TOO_LARGE,
    /** RFC 8446 §4.2: more than one extension of a type in one block (illegal_parameter, as OpenSSL). */
    DUPLICATE_EXTENSION,
    /**
     * RFC 8446 §4.2, RFC 5246 §7.4.1.4: an extension response the peer sent although we never requested it (a
     * known type we did not offer, or an unknown type in a response). An extension in a message where it may not
     * appear at all is {@link #ILLEGAL_PARAMETER}.
     */
    UNSUPPORTED_EXTENSION,
    /** RFC 8446 §9.2: an extension the message must carry is absent (missing_extension). */
    MISSING_EXTENSION,
    /** RFC 8446 §6.2: a field that parsed but has a value the protocol forbids (illegal_parameter). */
    ILLEGAL_PARAMETER,

    // Record protection.
    /** RFC 8446 §5.2: a record that does not decrypt or authenticate (bad_record_mac). */
    BAD_RECORD_MAC,
    /** RFC 8446 §5.1, §5.2: a record longer than allowed (record_overflow). */
    RECORD_OVERFLOW,
    /** RFC 8446 §5.5: the sequence number would wrap. */
    SEQUENCE_NUMBER_EXHAUSTED,

    // Negotiation.
    /** RFC 8446 §4.2.1: no protocol version both sides support (protocol_version). */
    PROTOCOL_VERSION_UNSUPPORTED,
    /** RFC 8446 §4.1.3: the downgrade sentinel in ServerHello.random. */
    DOWNGRADE_DETECTED,
    /** RFC 7507 §3: TLS_FALLBACK_SCSV from a client that supports a higher version than negotiated. */
    INAPPROPRIATE_FALLBACK,
    /** RFC 8446 §4.1.1: no cipher suite both sides support (handshake_failure). */
    NO_COMMON_CIPHER_SUITE,
    /** RFC 8446 §4.1.1: no key exchange group both sides support (handshake_failure). */
    NO_COMMON_GROUP,
    /** RFC 8446 §4.4.2.2: no signature scheme both sides support for our certificate (handshake_failure). */
    NO_COMMON_SIGNATURE_SCHEME,
    /** The peer selected a parameter we did not offer. */
    UNOFFERED_PARAMETER_SELECTED,
    /** RFC 8446 §4.1.4: a HelloRetryRequest that would not change the ClientHello, or a bad retried ClientHello. */
    ILLEGAL_HELLO_RETRY,
    /** RFC 8446 §4.2.8: a key share that is not a valid point or value of its group. */
    INVALID_KEY_SHARE,
    /** RFC 8446 §6.2: the peer offered only parameters weaker than we accept (insufficient_security). */
    INSUFFICIENT_SECURITY,
    /** RFC 7919 §3, §4: a TLS 1.2 DHE public value outside 1 &lt; Y &lt; p-1 (handshake_failure, as the RFC says). */
    DH_PUBLIC_VALUE_OUT_OF_RANGE,
    /** RFC 5746 §3.4 / §3.6: a missing or wrong renegotiation_info. */
    INSECURE_RENEGOTIATION,
    /** RFC 7627 §5.2: extended master secret required but not negotiated. */
    EXTENDED_MASTER_SECRET_REQUIRED,
    /** RFC 7627 §5.3: an abbreviated handshake whose use of the extended master secret differs from the session's. */
    EXTENDED_MASTER_SECRET_INCONSISTENT,
    /** RFC 7301 §3.2: no ALPN protocol both sides support (no_application_protocol). */
    NO_APPLICATION_PROTOCOL,
    /** RFC 6066 §3: the server does not serve the requested server name (unrecognized_name). */
    UNRECOGNIZED_NAME,
    /** RFC 8446 §4.2.11: a PSK identity the server cannot use and will not fall back from (unknown_psk_identity). */
    UNKNOWN_PSK_IDENTITY,

    // Authentication.
    /** RFC 8446 §4.4.4, RFC 5246 §7.4.9: Finished with wrong verify_data (decrypt_error). */
    BAD_FINISHED,
    /** RFC 8446 §4.4.3: a CertificateVerify or ServerKeyExchange signature that does not verify (decrypt_error). */
    BAD_SIGNATURE,
    /** RFC 8446 §4.2.11.2: a PSK binder that does not verify (decrypt_error). */
    BAD_BINDER,
    /** RFC 8446 §6.2: a certificate that is corrupt or whose signature does not verify (bad_certificate). */
    BAD_CERTIFICATE,
    /** RFC 8446 §6.2: a certificate of a type or key usage we cannot use (unsupported_certificate). */
    UNSUPPORTED_CERTIFICATE,
    /** RFC 8446 §6.2: a certificate outside its validity period (certificate_expired). */
    CERTIFICATE_EXPIRED,
    /** RFC 8446 §6.2: a certificate its issuer revoked (certificate_revoked). */
    CERTIFICATE_REVOKED,
    /** RFC 8446 §6.2: a certificate rejected for another reason, e.g. the wrong host name (certificate_unknown). */
    CERTIFICATE_UNKNOWN,
    /** RFC 8446 §6.2: a chain that leads to no trust anchor (unknown_ca). */
    UNKNOWN_CA,
    /** RFC 8446 §4.4.2.4: a client that sent no certificate although one is required (certificate_required). */
    CERTIFICATE_REQUIRED,

    // Local.
    /** A failure of our own, not the peer's (internal_error). */
    INTERNAL_ERROR,
    /** The peer sent a fatal alert: nothing is sent back (RFC 8446 §6.2). */
    PEER_SENT_FATAL_ALERT;

    /** {@return the alert to send for this reason; empty when none is sent} */
    public Optional<AlertDescription> alertToSend() {
        AlertDescription alert = switch (this) {
            case UNEXPECTED_MESSAGE, WRONG_EPOCH, UNKNOWN_CONTENT_TYPE, ZERO_LENGTH_FRAGMENT,
                    KEY_CHANGE_NOT_ON_RECORD_BOUNDARY, INTERLEAVED_HANDSHAKE, TOO_MUCH_EARLY_DATA ->
                    AlertDescription.UNEXPECTED_MESSAGE;
            case MALFORMED_MESSAGE, TRAILING_BYTES, LENGTH_OUT_OF_RANGE -> AlertDescription.DECODE_ERROR;
            case HANDSHAKE_MESSAGE_TOO_LARGE, DUPLICATE_EXTENSION, ILLEGAL_PARAMETER, DOWNGRADE_DETECTED,
                    UNOFFERED_PARAMETER_SELECTED, ILLEGAL_HELLO_RETRY, INVALID_KEY_SHARE ->
                    AlertDescription.ILLEGAL_PARAMETER;
            case UNSUPPORTED_EXTENSION -> AlertDescription.UNSUPPORTED_EXTENSION;
            case MISSING_EXTENSION -> AlertDescription.MISSING_EXTENSION;
            case BAD_RECORD_MAC -> AlertDescription.BAD_RECORD_MAC;
            case RECORD_OVERFLOW -> AlertDescription.RECORD_OVERFLOW;
            case SEQUENCE_NUMBER_EXHAUSTED, INTERNAL_ERROR -> AlertDescription.INTERNAL_ERROR;
            case PROTOCOL_VERSION_UNSUPPORTED -> AlertDescription.PROTOCOL_VERSION;
            case INAPPROPRIATE_FALLBACK -> AlertDescription.INAPPROPRIATE_FALLBACK;
            case NO_COMMON_CIPHER_SUITE, NO_COMMON_GROUP, NO_COMMON_SIGNATURE_SCHEME, INSECURE_RENEGOTIATION,
                    EXTENDED_MASTER_SECRET_REQUIRED, EXTENDED_MASTER_SECRET_INCONSISTENT, DH_PUBLIC_VALUE_OUT_OF_RANGE ->
                    AlertDescription.HANDSHAKE_FAILURE;
            case INSUFFICIENT_SECURITY -> AlertDescription.INSUFFICIENT_SECURITY;
            case NO_APPLICATION_PROTOCOL -> AlertDescription.NO_APPLICATION_PROTOCOL;
            case UNRECOGNIZED_NAME -> AlertDescription.UNRECOGNIZED_NAME;
            case UNKNOWN_PSK_IDENTITY -> AlertDescription.UNKNOWN_PSK_IDENTITY;
            case BAD_FINISHED, BAD_SIGNATURE, BAD_BINDER -> AlertDescription.DECRYPT_ERROR;
            case BAD_CERTIFICATE -> AlertDescription.BAD_CERTIFICATE;
            case UNSUPPORTED_CERTIFICATE -> AlertDescription.UNSUPPORTED_CERTIFICATE;
            case CERTIFICATE_EXPIRED -> AlertDescription.CERTIFICATE_EXPIRED;
            case CERTIFICATE_REVOKED -> AlertDescription.CERTIFICATE_REVOKED;
            case CERTIFICATE_UNKNOWN -> AlertDescription.CERTIFICATE_UNKNOWN;
            case UNKNOWN_CA -> AlertDescription.UNKNOWN_CA;
            case CERTIFICATE_REQUIRED -> AlertDescription.CERTIFICATE_REQUIRED;
            case PEER_SENT_FATAL_ALERT -> null;
        };
        return Optional.ofNullable(alert);
    }
}
