package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.List;

/**
 * A TLS 1.3 HelloRetryRequest: a ServerHello whose random is the special value below.
 *
 * <pre>
 * // RFC 8446 §4.1.3: "For reasons of backward compatibility with middleboxes, the
 * // HelloRetryRequest message uses the same structure as the ServerHello, but with Random set
 * // to the special value of the SHA-256 of "HelloRetryRequest":
 * //   CF 21 AD 74 E5 9A 61 11 BE 1D 8C 02 1E 65 B8 91 C2 A2 11 16 7A BB 8C 5E 07 9E 09 E2 C8 A8 33 9C"
 * </pre>
 *
 * <p>Its extensions are decoded in the {@link ExtensionContext#HELLO_RETRY_REQUEST} context
 * (key_share holds only selected_group). The block is mandatory, {@code <6..2^16-1>}.
 */
public record HelloRetryRequest(VersionCode legacyVersion, Opaque legacySessionIdEcho, CipherSuite cipherSuite,
        int legacyCompressionMethod, List<Extension> extensions) implements HandshakeMessage, WithExtensions {

    /** RFC 8446 §4.1.3: SHA-256("HelloRetryRequest"). */
    public static final Opaque RANDOM = Opaque.ofHex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    public HelloRetryRequest {
        extensions = List.copyOf(extensions);
        if (legacyCompressionMethod < 0 || legacyCompressionMethod > 0xFF) {
            throw new IllegalArgumentException("compression method out of range");
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u16(legacyVersion.code()).bytes(RANDOM);
        out.opaque8("HelloRetryRequest.legacy_session_id_echo", 0, 32, legacySessionIdEcho);
        out.u16(cipherSuite.code()).u8(legacyCompressionMethod);
        ExtensionCodec.encodeBlock(out, extensions, "HelloRetryRequest.extensions", 6, 0xFFFF);
    }

    /** Reads the rest of a ServerHello body whose random was the HelloRetryRequest value. */
    static HelloRetryRequest decodeAfterRandom(VersionCode version, ByteReader body) {
        Opaque sessionId = body.opaque8("HelloRetryRequest.legacy_session_id_echo", 0, 32);
        CipherSuite suite = new CipherSuite(body.u16("HelloRetryRequest.cipher_suite"));
        int compression = body.u8("HelloRetryRequest.legacy_compression_method");
        List<Extension> extensions =
                ExtensionCodec.decodeBlock(body, ExtensionContext.HELLO_RETRY_REQUEST, 6, 0xFFFF);
        return new HelloRetryRequest(version, sessionId, suite, compression, extensions);
    }
}
