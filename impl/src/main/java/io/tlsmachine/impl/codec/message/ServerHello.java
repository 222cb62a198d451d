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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ServerHello of either version (a HelloRetryRequest is its own record, {@link HelloRetryRequest}).
 *
 * <pre>
 * // RFC 8446 §4.1.3 (RFC 5246 §7.4.1.3 has the same shape; its extensions are optional)
 * struct {
 *     ProtocolVersion legacy_version = 0x0303;
 *     Random random;
 *     opaque legacy_session_id_echo&lt;0..32&gt;;
 *     CipherSuite cipher_suite;
 *     uint8 legacy_compression_method = 0;
 *     Extension extensions&lt;6..2^16-1&gt;;              // TLS 1.2: &lt;0..2^16-1&gt;, may be absent
 * } ServerHello;
 * </pre>
 *
 * <p>{@link HandshakeCodec} reads the random first and decodes a HelloRetryRequest when it is the
 * special value; this record refuses that value.
 */
public record ServerHello(VersionCode legacyVersion, Opaque random, Opaque legacySessionIdEcho,
        CipherSuite cipherSuite, int legacyCompressionMethod, List<Extension> extensions,
        boolean extensionsPresent) implements HandshakeMessage, WithExtensions {

    public ServerHello {
        extensions = List.copyOf(extensions);
        if (random.length() != ClientHello.RANDOM_LENGTH || random.equals(HelloRetryRequest.RANDOM)) {
            throw new IllegalArgumentException("random must be 32 bytes and not the HelloRetryRequest value");
        }
        if (legacyCompressionMethod < 0 || legacyCompressionMethod > 0xFF) {
            throw new IllegalArgumentException("compression method out of range");
        }
        if (!extensionsPresent && !extensions.isEmpty()) {
            throw new IllegalArgumentException("extensions given but marked absent");
        }
    }

    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2. */
    public static final Opaque DOWNGRADE_TLS12 = Opaque.ofHex("444F574E47524401");
    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.1 or below. */
    public static final Opaque DOWNGRADE_TLS11 = Opaque.ofHex("444F574E47524400");

    /** Returns a ServerHello with an extension block (always the case in TLS 1.3). */
    public ServerHello(VersionCode legacyVersion, Opaque random, Opaque legacySessionIdEcho,
            CipherSuite cipherSuite, int legacyCompressionMethod, List<Extension> extensions) {
        this(legacyVersion, random, legacySessionIdEcho, cipherSuite, legacyCompressionMethod, extensions, true);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    /**
     * Returns the version whose downgrade sentinel ends the random ({@link VersionCode#TLS12} for
     * "DOWNGRD\x01", {@link VersionCode#TLS11} for "DOWNGRD\x00"), or empty.
     *
     * <pre>
     * // RFC 8446 §4.1.3: "TLS 1.3 clients receiving a ServerHello indicating TLS 1.2 or below MUST
     * // check that the last 8 bytes are not equal to either of these values."
     * </pre>
     */
    public Optional<VersionCode> downgradeSentinel() {
        Opaque tail = Opaque.of(Arrays.copyOfRange(random.toByteArray(), 24, 32));
        if (tail.equals(DOWNGRADE_TLS12)) {
            return Optional.of(VersionCode.TLS12);
        }
        if (tail.equals(DOWNGRADE_TLS11)) {
            return Optional.of(VersionCode.TLS11);
        }
        return Optional.empty();
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u16(legacyVersion.code()).bytes(random);
        out.opaque8("ServerHello.legacy_session_id_echo", 0, 32, legacySessionIdEcho);
        out.u16(cipherSuite.code()).u8(legacyCompressionMethod);
        if (extensionsPresent) {
            ExtensionCodec.encodeBlock(out, extensions, "ServerHello.extensions", 0, 0xFFFF);
        }
    }

    /** Reads the body, a HelloRetryRequest or a ServerHello depending on the random. */
    public static HandshakeMessage decodeBody(ByteReader body) {
        VersionCode version = new VersionCode(body.u16("ServerHello.legacy_version"));
        Opaque random = body.fixed("ServerHello.random", ClientHello.RANDOM_LENGTH);
        if (random.equals(HelloRetryRequest.RANDOM)) {
            return HelloRetryRequest.decodeAfterRandom(version, body);
        }
        Opaque sessionId = body.opaque8("ServerHello.legacy_session_id_echo", 0, 32);
        CipherSuite suite = new CipherSuite(body.u16("ServerHello.cipher_suite"));
        int compression = body.u8("ServerHello.legacy_compression_method");
        if (!body.hasRemaining()) {
            return new ServerHello(version, random, sessionId, suite, compression, List.of(), false);
        }
        List<Extension> extensions = ExtensionCodec.decodeBlock(body, ExtensionContext.SERVER_HELLO, 0, 0xFFFF);
        return new ServerHello(version, random, sessionId, suite, compression, extensions, true);
    }
}
