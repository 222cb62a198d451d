package io.tlsmachine.impl.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames and splits TLS records on the wire for tests that play a peer or an attacker (RFC 5246 §6.2.1, RFC 8446
 * §5.1: type, legacy version, 16-bit length, fragment). Shared with the verification module through impl's test-jar.
 */
public final class TestRecords {
    private static final int HEADER_LENGTH = 5;

    private TestRecords() {
    }

    /** Splits bytes made of whole records into those records (our writer puts each handshake message in its own). */
    public static List<byte[]> split(byte[] bytes) {
        List<byte[]> records = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            int length = ((bytes[offset + 3] & 0xFF) << 8) | (bytes[offset + 4] & 0xFF);
            records.add(Arrays.copyOfRange(bytes, offset, offset + HEADER_LENGTH + length));
            offset += HEADER_LENGTH + length;
        }
        return records;
    }

    /** Returns {@code fragment} in one unprotected record of content type {@code type}, record version 0x0303. */
    public static byte[] plaintext(int type, byte[] fragment) {
        byte[] record = new byte[HEADER_LENGTH + fragment.length];
        record[0] = (byte) type;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (fragment.length >>> 8);
        record[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, record, HEADER_LENGTH, fragment.length);
        return record;
    }
}
