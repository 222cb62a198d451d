package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HelloLayout.u16;

import io.tlsmachine.AlertDescription;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The field-level mutations of one honest hello our engine receives, each with the RFC sentence it tests and the
 * alert that sentence requires (or none, where the RFC requires the change to be ignored). Length fields are broken
 * in place at their offset; every other change is made to the parsed fields and the message re-encoded with its
 * enclosing lengths recomputed, so exactly one thing is wrong.
 */
final class HostileHelloMutations {

    /** Receives one generated mutation. */
    interface Sink {
        void add(String category, String field, String mutation, String rfc, Optional<AlertDescription> expected,
                byte[] message);
    }

    static final Optional<AlertDescription> IGNORED = Optional.empty();
    static final Optional<AlertDescription> DECODE_ERROR = Optional.of(AlertDescription.DECODE_ERROR);
    static final Optional<AlertDescription> ILLEGAL_PARAMETER = Optional.of(AlertDescription.ILLEGAL_PARAMETER);

    static final String RFC_SYNTAX = "RFC 8446 §4: Peers which receive a message which cannot be parsed according to the"
            + " syntax (e.g., have a length that extends beyond the message boundary or contain an out-of-range length)"
            + " MUST terminate the connection with a \"decode_error\" alert.";
    static final String RFC_DUPLICATE = "RFC 8446 §4.2 / RFC 5246 §7.4.1.4: There MUST NOT be more than one extension of"
            + " the same type; RFC 8446 §6.2 illegal_parameter: a field in the handshake was incorrectly encoded or"
            + " inconsistent with other fields.";

    /** The 16 GREASE values of RFC 8701 §2 for cipher suites, extensions, groups, versions and signature schemes. */
    static final List<Integer> GREASE = List.of(0x0A0A, 0x1A1A, 0x2A2A, 0x3A3A, 0x4A4A, 0x5A5A, 0x6A6A, 0x7A7A, 0x8A8A,
            0x9A9A, 0xAAAA, 0xBABA, 0xCACA, 0xDADA, 0xEAEA, 0xFAFA);
    /** RFC 8701 §2: the GREASE PskKeyExchangeModes values. */
    static final List<Integer> GREASE_PSK_MODES = List.of(0x0B, 0x2A, 0x49, 0x68, 0x87, 0xA6, 0xC5, 0xE4);

    private HostileHelloMutations() {
    }

    /** RFC 8446 §4, RFC 5246 §4.3: every length field of the hello too short, too long, zero or maximal in place. */
    static void lengths(HelloLayout hello, Sink sink) {
        byte[] m = hello.message();
        int body = m.length - 4;
        lengthCases(sink, m, "handshake length", 1, 3, body, false);
        int sid = 4 + 2 + 32;
        lengthCases(sink, m, "session_id length", sid, 1, hello.sessionId.length, true);
        if (hello.clientHello()) {
            int suites = sid + 1 + hello.sessionId.length;
            lengthCases(sink, m, "cipher_suites length", suites, 2, hello.suites.length, true);
            int compression = suites + 2 + hello.suites.length;
            lengthCases(sink, m, "compression_methods length", compression, 1, hello.compression.length, true);
        }
        if (!hello.extensions.isEmpty()) {
            int block = hello.extensionsOffset();
            lengthCases(sink, m, "extensions length", block, 2, m.length - block - 2, true);
            for (int i = 0; i < hello.extensions.size(); i++) {
                HelloLayout.Extension e = hello.extensions.get(i);
                lengthCases(sink, m, "extension " + hex(e.type()) + " length", hello.extensionOffset(i) + 2, 2,
                        e.data().length, true);
            }
        }
        sink.add("length", "message", "one trailing byte after the extensions", RFC_SYNTAX, DECODE_ERROR,
                withBodyLength(concat(m, new byte[] {0}), body + 1));
    }

    private static void lengthCases(Sink sink, byte[] m, String field, int offset, int width, int honest,
            boolean tooLong) {
        int max = (1 << (8 * width)) - 1;
        if (tooLong) {
            sink.add("length", field, "one too long (" + (honest + 1) + ")", RFC_SYNTAX, DECODE_ERROR,
                    setLength(m, offset, width, honest + 1));
            sink.add("length", field, "maximal (" + max + ")", RFC_SYNTAX, DECODE_ERROR, setLength(m, offset, width, max));
        }
        if (honest > 0) {
            sink.add("length", field, "one too short (" + (honest - 1) + ")", RFC_SYNTAX, DECODE_ERROR,
                    setLength(m, offset, width, honest - 1));
            if (honest > 1) {
                sink.add("length", field, "zero", RFC_SYNTAX, DECODE_ERROR, setLength(m, offset, width, 0));
            }
        }
    }

    private static byte[] setLength(byte[] m, int offset, int width, int value) {
        byte[] copy = m.clone();
        for (int i = 0; i < width; i++) {
            copy[offset + i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        return copy;
    }

    private static byte[] withBodyLength(byte[] m, int length) {
        return setLength(m, 1, 3, length);
    }

    /**
     * Every extension of the hello duplicated (RFC 8446 §4.2) and, where its extension_data has a known shape,
     * malformed with consistent outer framing: truncated, with a trailing byte, empty where the syntax requires
     * content, and its inner vector length off by one (RFC 8446 §4: decode_error).
     */
    static void extensions(HelloLayout hello, Sink sink) {
        for (int i = 0; i < hello.extensions.size(); i++) {
            HelloLayout.Extension e = hello.extensions.get(i);
            String field = "extension " + hex(e.type());
            HelloLayout dup = hello.copy();
            dup.extensions.add(i + 1, e);
            sink.add("extension duplicated", field, "sent twice", RFC_DUPLICATE, ILLEGAL_PARAMETER, dup.message());
            Optional<ExtensionShape> shape = ExtensionShape.of(e.type(), hello.clientHello());
            if (shape.isEmpty()) {
                continue;
            }
            ExtensionShape s = shape.get();
            if (e.data().length > 0) {
                sink.add("extension malformed", field, "last byte cut off", RFC_SYNTAX, DECODE_ERROR,
                        replaced(hello, i, Arrays.copyOf(e.data(), e.data().length - 1)));
                if (s.lengthWidth() > 0 || s.fixedLength() > 0) {
                    sink.add("extension malformed", field, "empty extension_data", RFC_SYNTAX, DECODE_ERROR,
                            replaced(hello, i, new byte[0]));
                }
            }
            sink.add("extension malformed", field, "one trailing byte", RFC_SYNTAX, DECODE_ERROR,
                    replaced(hello, i, concat(e.data(), new byte[] {0})));
            if (s.lengthWidth() > 0 && e.data().length >= s.lengthWidth()) {
                int inner = innerLength(e.data(), s.lengthWidth());
                sink.add("extension malformed", field, "inner length one too long", RFC_SYNTAX, DECODE_ERROR,
                        replaced(hello, i, withInner(e.data(), s.lengthWidth(), inner + 1)));
                if (s.minimum() > 0) {
                    sink.add("extension malformed", field, "inner vector empty (below its minimum " + s.minimum() + ")",
                            RFC_SYNTAX, DECODE_ERROR, replaced(hello, i, new byte[s.lengthWidth()]));
                }
                if (s.elementSize() == 2 && inner >= 2) {
                    byte[] odd = Arrays.copyOf(e.data(), s.lengthWidth() + inner - 1);
                    sink.add("extension malformed", field, "odd length list (an element cut in half)", RFC_SYNTAX,
                            DECODE_ERROR, replaced(hello, i, withInner(odd, s.lengthWidth(), inner - 1)));
                }
            }
        }
    }

    static byte[] replaced(HelloLayout hello, int index, byte[] data) {
        HelloLayout copy = hello.copy();
        copy.extensions.set(index, copy.extensions.get(index).withData(data));
        return copy.message();
    }

    private static int innerLength(byte[] data, int width) {
        return width == 1 ? data[0] & 0xFF : HelloLayout.u16(data, 0);
    }

    private static byte[] withInner(byte[] data, int width, int value) {
        byte[] copy = data.clone();
        if (width == 1) {
            copy[0] = (byte) value;
        } else {
            copy[0] = (byte) (value >>> 8);
            copy[1] = (byte) value;
        }
        return copy;
    }

    /** Inserts {@code extension} first in the block (the pre_shared_key extension stays last). */
    static byte[] withExtensionFirst(HelloLayout hello, int type, byte[] data) {
        HelloLayout copy = hello.copy();
        copy.extensions.add(0, new HelloLayout.Extension(type, data));
        return copy.message();
    }

    /** Prepends {@code element} to the vector of width {@code width} that makes up extension {@code type}'s data. */
    static byte[] prependToList(HelloLayout hello, int type, int width, byte[] element) {
        int i = hello.indexOf(type);
        byte[] data = hello.extensions.get(i).data();
        int inner = innerLength(data, width) + element.length;
        byte[] list = concat(Arrays.copyOf(data, width), element, Arrays.copyOfRange(data, width, data.length));
        return replaced(hello, i, withInner(list, width, inner));
    }

    static String hex(int code) {
        return String.format("0x%04X", code);
    }

    static byte[] two(int v) {
        return u16(v);
    }
}
