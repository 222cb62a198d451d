package io.tlsmachine.impl.codec.types;

/**
 * A TLS 1.2 {@code ClientCertificateType} code point in a CertificateRequest; unknown values
 * are kept as data.
 *
 * <pre>
 * // RFC 5246 §7.4.4, RFC 4492 §5.5
 * enum { rsa_sign(1), dss_sign(2), rsa_fixed_dh(3), dss_fixed_dh(4), ..., ecdsa_sign(64), (255) } ClientCertificateType;
 * </pre>
 */
public record CertificateType(int code) {
    public static final CertificateType RSA_SIGN = new CertificateType(0x01);
    public static final CertificateType DSS_SIGN = new CertificateType(0x02);
    public static final CertificateType RSA_FIXED_DH = new CertificateType(0x03);
    public static final CertificateType DSS_FIXED_DH = new CertificateType(0x04);
    public static final CertificateType RSA_EPHEMERAL_DH = new CertificateType(0x05);
    public static final CertificateType DSS_EPHEMERAL_DH = new CertificateType(0x06);
    public static final CertificateType FORTEZZA_DMS = new CertificateType(0x14);
    public static final CertificateType ECDSA_SIGN = new CertificateType(0x40);
    public static final CertificateType RSA_FIXED_ECDH = new CertificateType(0x41);
    public static final CertificateType ECDSA_FIXED_ECDH = new CertificateType(0x42);

    public CertificateType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("CertificateType out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
    public String name() {
        return switch (code) {
            case 0x01 -> "rsa_sign";
            case 0x02 -> "dss_sign";
            case 0x03 -> "rsa_fixed_dh";
            case 0x04 -> "dss_fixed_dh";
            case 0x05 -> "rsa_ephemeral_dh_RESERVED";
            case 0x06 -> "dss_ephemeral_dh_RESERVED";
            case 0x14 -> "fortezza_dms_RESERVED";
            case 0x40 -> "ecdsa_sign";
            case 0x41 -> "rsa_fixed_ecdh";
            case 0x42 -> "ecdsa_fixed_ecdh";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
