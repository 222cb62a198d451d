package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;

/**
 * The TLS 1.3 KeyUpdate: the sender now writes with its next traffic key, and may ask the peer to update too.
 *
 * <pre>
 * // RFC 8446 §4.6.3
 * enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;
 * struct { KeyUpdateRequest request_update; } KeyUpdate;
 * </pre>
 *
 * <p>RFC 8446 §4.6.3: "If an implementation receives a KeyUpdate with request_update field other
 * than 0 or 1, it MUST terminate the connection with an illegal_parameter alert": the decoder does.
 */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {
    public static final int UPDATE_NOT_REQUESTED = 0;
    public static final int UPDATE_REQUESTED = 1;

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u8(updateRequested ? UPDATE_REQUESTED : UPDATE_NOT_REQUESTED);
    }

    /** Reads the body. */
    public static KeyUpdate decodeBody(ByteReader body) {
        int request = body.u8("KeyUpdate.request_update");
        if (request != UPDATE_NOT_REQUESTED && request != UPDATE_REQUESTED) {
            throw new DecodeException(Reason.ILLEGAL_PARAMETER,
                    "KeyUpdate.request_update " + request, body.offset() - 1);
        }
        return new KeyUpdate(request == UPDATE_REQUESTED);
    }
}
