package io.tlsmachine.impl.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the content a TLS 1.3 CertificateVerify signs (RFC 8446 §4.4.3): 64 spaces, the context
 * string, a zero byte, then the transcript hash.
 */
public final class CertificateVerifyContent {
    private static final int PAD_LENGTH = 64;
    private static final byte[] SERVER_CONTEXT = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    private CertificateVerifyContent() {}

    /** Returns the content the server signs over {@code transcriptHash}. */
    public static byte[] forServer(byte[] transcriptHash) {
        return build(SERVER_CONTEXT, transcriptHash);
    }

    /** Returns the content the client signs over {@code transcriptHash}. */
    public static byte[] forClient(byte[] transcriptHash) {
        return build(CLIENT_CONTEXT, transcriptHash);
    }

    private static byte[] build(byte[] context, byte[] transcriptHash) {
        byte[] content = new byte[PAD_LENGTH + context.length + 1 + transcriptHash.length];
        Arrays.fill(content, 0, PAD_LENGTH, (byte) 0x20);
        System.arraycopy(context, 0, content, PAD_LENGTH, context.length);
        content[PAD_LENGTH + context.length] = 0;
        System.arraycopy(transcriptHash, 0, content, PAD_LENGTH + context.length + 1, transcriptHash.length);
        return content;
    }
}
