package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;

/**
 * The ChangeCipherSpec record content: exactly one byte 0x01 (not a handshake message).
 *
 * <pre>
 * // RFC 5246 §7.1: struct { enum { change_cipher_spec(1), (255) } type; } ChangeCipherSpec;
 * // RFC 8446 §5: in TLS 1.3 a change_cipher_spec record holding the single byte 0x01 may arrive
 * // (middlebox compatibility); "An implementation which receives any other change_cipher_spec
 * // value ... MUST abort the handshake with an unexpected_message alert."
 * </pre>
 *
 * <p>A fragment of any length but one is decode_error; one byte other than 0x01 is
 * unexpected_message (RFC 8446 §5).
 */
public record ChangeCipherSpec() {
    public static final int VALUE = 0x01;

    /** Returns the record content, {@code 01}. */
    public byte[] encode() {
        return new byte[] {VALUE};
    }

    /** Reads a change_cipher_spec record fragment. */
    public static ChangeCipherSpec decode(byte[] fragment) {
        ByteReader in = ByteReader.of(fragment);
        int value = in.u8("ChangeCipherSpec.type");
        in.expectEmpty("ChangeCipherSpec");
        if (value != VALUE) {
            throw new DecodeException(Reason.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec.type " + value, 0);
        }
        return new ChangeCipherSpec();
    }
}
