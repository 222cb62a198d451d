package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The status_request extension of a TLS 1.3 CertificateEntry: a stapled OCSP response (parsed, not acted on).
 *
 * <pre>
 * // RFC 8446 §4.4.2.1, RFC 6066 §8
 * struct {
 *     CertificateStatusType status_type;                               // ocsp(1)
 *     select (status_type) { case ocsp: OCSPResponse; } response;      // opaque OCSPResponse&lt;1..2^24-1&gt;
 * } CertificateStatus;
 * </pre>
 *
 * <p>Only ocsp is defined; for other status types {@link #response()} holds the raw bytes that follow.
 */
public record CertificateStatus(int statusType, Opaque response) implements Extension {
    public static final int OCSP = 1;

    public CertificateStatus {
        if (statusType < 0 || statusType > 0xFF) {
            throw new IllegalArgumentException("status_type out of range: " + statusType);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u8(statusType);
        if (statusType == OCSP) {
            out.opaque24("OCSPResponse", 1, 0xFFFFFF, response);
        } else {
            out.bytes(response);
        }
    }

    /** Reads the extension_data. */
    public static CertificateStatus decode(ByteReader data) {
        int statusType = data.u8("CertificateStatus.status_type");
        Opaque response = statusType == OCSP
                ? data.opaque24("CertificateStatus.OCSPResponse", 1, 0xFFFFFF)
                : data.restOpaque();
        return new CertificateStatus(statusType, response);
    }
}
