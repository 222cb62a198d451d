package io.tlsmachine.impl.keyschedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: splits handshake record payloads into whole messages and finds the PSK binders
 * inside a ClientHello, reading only the few fields it needs (the real codecs are another
 * package's work and are tested there).
 */
final class HandshakeMessages {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int NEW_SESSION_TICKET = 4;
    static final int END_OF_EARLY_DATA = 5;
    static final int ENCRYPTED_EXTENSIONS = 8;
    static final int CERTIFICATE = 11;
    static final int CERTIFICATE_REQUEST = 13;
    static final int CERTIFICATE_VERIFY = 15;
    static final int FINISHED = 20;
    static final int KEY_UPDATE = 24;

    /** RFC 8446 §4.1.3: the ServerHello.random of a HelloRetryRequest (SHA-256 of "HelloRetryRequest"). */
    static final byte[] HELLO_RETRY_REQUEST_RANDOM = hex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    private static final int PRE_SHARED_KEY = 0x0029;

    private HandshakeMessages() {}

    /** Splits a payload holding whole handshake messages. */
    static List<byte[]> split(byte[] payload) {
        List<byte[]> messages = new ArrayList<>();
        int offset = 0;
        while (offset < payload.length) {
            if (payload.length - offset < 4) {
                throw new IllegalArgumentException("truncated handshake header at " + offset);
            }
            int length = u24(payload, offset + 1);
            int end = offset + 4 + length;
            if (end > payload.length) {
                throw new IllegalArgumentException("handshake message at " + offset + " runs past the payload");
            }
            messages.add(Arrays.copyOfRange(payload, offset, end));
            offset = end;
        }
        return messages;
    }

    static int type(byte[] message) {
        return message[0] & 0xFF;
    }

    static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 4, message.length);
    }

    /** Returns whether a ServerHello-typed message is a HelloRetryRequest (RFC 8446 §4.1.3). */
    static boolean isHelloRetryRequest(byte[] serverHello) {
        return type(serverHello) == SERVER_HELLO
                && Arrays.equals(Arrays.copyOfRange(serverHello, 6, 38), HELLO_RETRY_REQUEST_RANDOM);
    }

    /**
     * Returns the offset, inside the whole ClientHello message, of the binders list's length field
     * (RFC 8446 §4.2.11: OfferedPsks = identities, binders), or -1 without a pre_shared_key
     * extension.
     */
    static int bindersOffset(byte[] clientHello) {
        int offset = 4 + 2 + 32;
        offset += 1 + (clientHello[offset] & 0xFF); // legacy_session_id
        offset += 2 + u16(clientHello, offset); // cipher_suites
        offset += 1 + (clientHello[offset] & 0xFF); // legacy_compression_methods
        int extensionsEnd = offset + 2 + u16(clientHello, offset);
        offset += 2;
        while (offset < extensionsEnd) {
            int type = u16(clientHello, offset);
            int length = u16(clientHello, offset + 2);
            if (type == PRE_SHARED_KEY) {
                int identities = offset + 4;
                return identities + 2 + u16(clientHello, identities);
            }
            offset += 4 + length;
        }
        return -1;
    }

    /** Returns the binders of a ClientHello: each PskBinderEntry without its length byte. */
    static List<byte[]> binders(byte[] clientHello) {
        int offset = bindersOffset(clientHello);
        int end = offset + 2 + u16(clientHello, offset);
        List<byte[]> binders = new ArrayList<>();
        for (offset += 2; offset < end; ) {
            int length = clientHello[offset] & 0xFF;
            binders.add(Arrays.copyOfRange(clientHello, offset + 1, offset + 1 + length));
            offset += 1 + length;
        }
        return binders;
    }

    /** Returns the ticket_nonce of a NewSessionTicket (RFC 8446 §4.6.1). */
    static byte[] ticketNonce(byte[] newSessionTicket) {
        int offset = 4 + 4 + 4; // header, ticket_lifetime, ticket_age_add
        int length = newSessionTicket[offset] & 0xFF;
        return Arrays.copyOfRange(newSessionTicket, offset + 1, offset + 1 + length);
    }

    static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    static int u24(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 16) | ((bytes[offset + 1] & 0xFF) << 8) | (bytes[offset + 2] & 0xFF);
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
