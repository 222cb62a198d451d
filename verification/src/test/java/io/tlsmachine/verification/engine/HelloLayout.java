package io.tlsmachine.verification.engine;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ClientHello or ServerHello/HelloRetryRequest our codecs produced, taken apart into its fields (RFC 8446 §4.1.2,
 * §4.1.3, RFC 5246 §7.4.1.2-3) so one field can be changed and the message put back together with every enclosing
 * length recomputed; or, for length mutations, the offset of each length field in the encoded message.
 */
final class HelloLayout {

    static final int CLIENT_HELLO = 1;

    /** One extension: its type and its extension_data. */
    record Extension(int type, byte[] data) {
        Extension withData(byte[] newData) {
            return new Extension(type, newData);
        }
    }

    final int messageType;
    byte[] version;
    byte[] random;
    byte[] sessionId;
    /** ClientHello: the cipher_suites vector body; ServerHello: the two bytes of cipher_suite. */
    byte[] suites;
    /** ClientHello: the compression_methods vector body; ServerHello: the one byte of legacy_compression_method. */
    byte[] compression;
    List<Extension> extensions;
    boolean hasExtensionsBlock;

    private HelloLayout(int messageType) {
        this.messageType = messageType;
    }

    boolean clientHello() {
        return messageType == CLIENT_HELLO;
    }

    /** Parses the handshake message (4-byte header included) of a plaintext record. */
    static HelloLayout parse(byte[] record) {
        byte[] m = Arrays.copyOfRange(record, 5, record.length);
        HelloLayout hello = new HelloLayout(m[0] & 0xFF);
        int p = 4;
        hello.version = Arrays.copyOfRange(m, p, p + 2);
        p += 2;
        hello.random = Arrays.copyOfRange(m, p, p + 32);
        p += 32;
        int sid = m[p] & 0xFF;
        hello.sessionId = Arrays.copyOfRange(m, p + 1, p + 1 + sid);
        p += 1 + sid;
        if (hello.clientHello()) {
            int n = u16(m, p);
            hello.suites = Arrays.copyOfRange(m, p + 2, p + 2 + n);
            p += 2 + n;
            int c = m[p] & 0xFF;
            hello.compression = Arrays.copyOfRange(m, p + 1, p + 1 + c);
            p += 1 + c;
        } else {
            hello.suites = Arrays.copyOfRange(m, p, p + 2);
            hello.compression = Arrays.copyOfRange(m, p + 2, p + 3);
            p += 3;
        }
        hello.extensions = new ArrayList<>();
        hello.hasExtensionsBlock = p < m.length;
        if (hello.hasExtensionsBlock) {
            int end = p + 2 + u16(m, p);
            p += 2;
            while (p < end) {
                int type = u16(m, p);
                int length = u16(m, p + 2);
                hello.extensions.add(new Extension(type, Arrays.copyOfRange(m, p + 4, p + 4 + length)));
                p += 4 + length;
            }
        }
        return hello;
    }

    HelloLayout copy() {
        HelloLayout c = new HelloLayout(messageType);
        c.version = version.clone();
        c.random = random.clone();
        c.sessionId = sessionId.clone();
        c.suites = suites.clone();
        c.compression = compression.clone();
        c.extensions = new ArrayList<>(extensions);
        c.hasExtensionsBlock = hasExtensionsBlock;
        return c;
    }

    /** The index of the extension of {@code type}, or -1. */
    int indexOf(int type) {
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    byte[] data(int type) {
        int i = indexOf(type);
        return i < 0 ? null : extensions.get(i).data();
    }

    /** Encodes the handshake message (header included) with every length recomputed. */
    byte[] message() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(random);
        body.write(sessionId.length);
        body.writeBytes(sessionId);
        if (clientHello()) {
            writeU16(body, suites.length);
            body.writeBytes(suites);
            body.write(compression.length);
            body.writeBytes(compression);
        } else {
            body.writeBytes(suites);
            body.writeBytes(compression);
        }
        if (hasExtensionsBlock || !extensions.isEmpty()) {
            byte[] block = extensionBlock();
            writeU16(body, block.length);
            body.writeBytes(block);
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(messageType);
        m.write(b.length >>> 16);
        m.write(b.length >>> 8);
        m.write(b.length);
        m.writeBytes(b);
        return m.toByteArray();
    }

    private byte[] extensionBlock() {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (Extension e : extensions) {
            writeU16(block, e.type());
            writeU16(block, e.data().length);
            block.writeBytes(e.data());
        }
        return block.toByteArray();
    }

    /** The offset in {@link #message()} of the first byte after the fixed fields (the extensions block's length). */
    int extensionsOffset() {
        int p = 4 + 2 + 32 + 1 + sessionId.length;
        return clientHello() ? p + 2 + suites.length + 1 + compression.length : p + 3;
    }

    /** The offset in {@link #message()} of extension {@code index}'s type field. */
    int extensionOffset(int index) {
        int p = extensionsOffset() + 2;
        for (int i = 0; i < index; i++) {
            p += 4 + extensions.get(i).data().length;
        }
        return p;
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
