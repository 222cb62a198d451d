package io.tlsmachine.impl.certificate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The few DER (X.690) pieces key loading needs: walking TLVs, reading and writing object
 * identifiers, and building SEQUENCEs, so SEC1 and PKCS#1 keys can be wrapped in PKCS#8 without
 * an ASN.1 library.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;
    static final int CONTEXT_1 = 0xA1;

    private Der() {}

    /** One decoded TLV: its tag and where its content lies in {@code source}. */
    record Tlv(byte[] source, int tag, int contentStart, int contentEnd) {
        int end() {
            return contentEnd;
        }

        /** Returns a copy of the content bytes. */
        byte[] content() {
            return java.util.Arrays.copyOfRange(source, contentStart, contentEnd);
        }

        /** Returns the first TLV inside this constructed value. */
        Tlv firstChild() {
            return read(source, contentStart, contentEnd);
        }

        /** Returns the TLV after {@code previous} inside this value, or null at the end. */
        Tlv next(Tlv previous) {
            return previous.contentEnd < contentEnd ? read(source, previous.contentEnd, contentEnd) : null;
        }
    }

    /** Reads the TLV at {@code offset}, which must end at or before {@code limit}. */
    static Tlv read(byte[] source, int offset, int limit) {
        if (offset + 2 > limit) {
            throw new IllegalArgumentException("truncated DER at offset " + offset);
        }
        int tag = source[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("multi-byte DER tags are not supported (offset " + offset + ")");
        }
        int first = source[offset + 1] & 0xFF;
        int position = offset + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3 || position + count > limit) {
                throw new IllegalArgumentException("unsupported DER length at offset " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (source[position++] & 0xFF);
            }
        }
        if (position + length > limit) {
            throw new IllegalArgumentException("DER value at offset " + offset + " overruns its container");
        }
        return new Tlv(source, tag, position, position + length);
    }

    /** Reads the whole of {@code der} as one TLV, refusing trailing bytes. */
    static Tlv readWhole(byte[] der) {
        Tlv tlv = read(der, 0, der.length);
        if (tlv.end() != der.length) {
            throw new IllegalArgumentException("trailing bytes after DER value");
        }
        return tlv;
    }

    /** Decodes an OBJECT IDENTIFIER's content to dotted form (X.690 §8.19). */
    static String oidToString(Tlv oid) {
        if (oid.tag() != OBJECT_IDENTIFIER || oid.contentStart() == oid.contentEnd()) {
            throw new IllegalArgumentException("expected an OBJECT IDENTIFIER");
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = BigInteger.ZERO;
        boolean first = true;
        for (int i = oid.contentStart(); i < oid.contentEnd(); i++) {
            int b = oid.source()[i] & 0xFF;
            value = value.shiftLeft(7).or(BigInteger.valueOf(b & 0x7F));
            if ((b & 0x80) == 0) {
                if (first) {
                    int arc = value.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : value.intValue() / 40;
                    out.append(arc).append('.').append(value.subtract(BigInteger.valueOf(40L * arc)));
                    first = false;
                } else {
                    out.append('.').append(value);
                }
                value = BigInteger.ZERO;
            }
        }
        return out.toString();
    }

    /** Encodes a dotted OBJECT IDENTIFIER (X.690 §8.19). */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return tlv(OBJECT_IDENTIFIER, content.toByteArray());
    }

    /** Encodes a SEQUENCE of already encoded elements. */
    static byte[] sequence(byte[]... elements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] element : elements) {
            content.writeBytes(element);
        }
        return tlv(SEQUENCE, content.toByteArray());
    }

    /** Encodes a small non-negative INTEGER. */
    static byte[] smallInteger(int value) {
        return tlv(INTEGER, BigInteger.valueOf(value).toByteArray());
    }

    /** Encodes a tag, its definite length and its content. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /**
     * Writes {@code value} (non-negative) big-endian into {@code out[offset .. offset+length)}, left-padded with
     * zeros.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    static void unsignedFixed(BigInteger value, byte[] out, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        int significant = bytes.length - start;
        if (value.signum() < 0 || significant > length) {
            throw new IllegalArgumentException("integer does not fit in " + length + " bytes");
        }
        System.arraycopy(bytes, start, out, offset + length - significant, significant);
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int septet = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? septet : septet | 0x80);
        }
    }
}
