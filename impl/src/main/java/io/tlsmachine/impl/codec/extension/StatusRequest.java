package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The ClientHello status_request extension: the client asks for a stapled OCSP response (parsed, not acted on).
 *
 * <pre>
 * // RFC 6066 §8
 * struct {
 *     CertificateStatusType status_type;   // ocsp(1), (255)
 *     select (status_type) { case ocsp: OCSPStatusRequest; } request;
 * } CertificateStatusRequest;
 * struct {
 *     ResponderID responder_id_list&lt;0..2^16-1&gt;;   // opaque ResponderID&lt;1..2^16-1&gt;
 *     Extensions  request_extensions;                // opaque Extensions&lt;0..2^16-1&gt;
 * } OCSPStatusRequest;
 * </pre>
 *
 * <p>{@link #request()} holds the bytes after status_type as received; for ocsp they are checked to
 * have the OCSPStatusRequest shape, other types are kept as data.
 */
public record StatusRequest(int statusType, Opaque request) implements Extension {
    public static final int OCSP = 1;

    public StatusRequest {
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
        out.u8(statusType).bytes(request);
    }

    /** Reads the extension_data. */
    public static StatusRequest decode(ByteReader data) {
        int statusType = data.u8("status_request.status_type");
        int start = data.offset();
        if (statusType == OCSP) {
            data.list16("status_request.responder_id_list", 0, 0xFFFF,
                    r -> r.opaque16("status_request.ResponderID", 1, 0xFFFF));
            data.opaque16("status_request.request_extensions", 0, 0xFFFF);
            return new StatusRequest(statusType, Opaque.of(data.copyOfRange(start, data.offset())));
        }
        return new StatusRequest(statusType, data.restOpaque());
    }
}
