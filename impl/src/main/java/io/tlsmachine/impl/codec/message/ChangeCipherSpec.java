package io.tlsmachine.impl.codec.message;

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
 * <p>Any content but the single byte 0x01 (another value, or more than one byte) is unexpected_message in
 * both versions: RFC 8446 §5 says so for TLS 1.3, and RFC 5246 §7.1 defines no other ChangeCipherSpec, so for TLS
 * 1.2 it is the same message that cannot be read (OpenSSL, Go and NSS send unexpected_message too). An empty
 * record never gets here: the record layer rejects it (RFC 5246 §6.2.1, also unexpected_message).
 */
public record ChangeCipherSpec() {
    public static final int VALUE = 0x01;

    /** Returns the record content, {@code 01}. */
    public byte[] encode() {
        return new byte[] {VALUE};
    }

    /** Reads a change_cipher_spec record fragment. */
    public static ChangeCipherSpec decode(byte[] fragment) {
        // RFC 8446 §5: "An implementation which receives any other change_cipher_spec value ... MUST abort the
        // handshake with an "unexpected_message" alert."
        if (fragment.length != 1 || (fragment[0] & 0xFF) != VALUE) {
            throw new DecodeException(Reason.UNEXPECTED_MESSAGE, "ChangeCipherSpec of " + fragment.length
                    + " bytes" + (fragment.length == 0 ? "" : ", first " + (fragment[0] & 0xFF)) + ", not the byte 1", 0);
        }
        return new ChangeCipherSpec();
    }
}
