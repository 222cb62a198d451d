package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ClientHello of either version.
 *
 * <pre>
 * // RFC 8446 §4.1.2 (RFC 5246 §7.4.1.2 has the same shape; its extensions are optional)
 * struct {
 *     ProtocolVersion legacy_version = 0x0303;
 *     Random random;                                   // opaque Random[32]
 *     opaque legacy_session_id&lt;0..32&gt;;
 *     CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 *     opaque legacy_compression_methods&lt;1..2^8-1&gt;;
 *     Extension extensions&lt;8..2^16-1&gt;;              // TLS 1.2: &lt;0..2^16-1&gt;, may be absent
 * } ClientHello;
 * </pre>
 *
 * <p>A TLS 1.2 ClientHello may end after the compression methods: {@code extensionsPresent} is
 * false then, so the message re-encodes exactly. The decoder accepts the TLS 1.2 bounds; the
 * engine requires what TLS 1.3 needs (RFC 8446 §4.2 missing_extension).
 */
public record ClientHello(VersionCode legacyVersion, Opaque random, Opaque legacySessionId,
        List<CipherSuite> cipherSuites, Opaque legacyCompressionMethods, List<Extension> extensions,
        boolean extensionsPresent) implements HandshakeMessage, WithExtensions {

    public static final int RANDOM_LENGTH = 32;

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
        if (random.length() != RANDOM_LENGTH) {
            throw new IllegalArgumentException("random must be 32 bytes");
        }
        if (!extensionsPresent && !extensions.isEmpty()) {
            throw new IllegalArgumentException("extensions given but marked absent");
        }
    }

    /** Returns a ClientHello with an extension block (always the case in TLS 1.3). */
    public ClientHello(VersionCode legacyVersion, Opaque random, Opaque legacySessionId,
            List<CipherSuite> cipherSuites, Opaque legacyCompressionMethods, List<Extension> extensions) {
        this(legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods, extensions, true);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    /**
     * Returns the framed ClientHello without its PSK binders list, the bytes a binder's HMAC covers.
     *
     * <pre>
     * // RFC 8446 §4.2.11.2: "Truncate() ... removes the binders list from the ClientHello", keeping
     * // the length fields of the full message and of its extensions.
     * </pre>
     *
     * @throws IllegalStateException when the last extension is not a {@link PreSharedKeyOffer}
     */
    public byte[] encodeTruncatedBeforeBinders() {
        byte[] encoded = HandshakeCodec.encode(this);
        return Arrays.copyOf(encoded, encoded.length - lastPreSharedKeyOffer().bindersLength());
    }

    /** Returns this ClientHello with the binders of its pre_shared_key replaced (same lengths keep the truncation). */
    public ClientHello withBinders(List<Opaque> binders) {
        PreSharedKeyOffer offer = lastPreSharedKeyOffer();
        List<Extension> replaced = new ArrayList<>(extensions);
        replaced.set(replaced.size() - 1, new PreSharedKeyOffer(offer.identities(), binders));
        return new ClientHello(legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods,
                replaced, true);
    }

    private PreSharedKeyOffer lastPreSharedKeyOffer() {
        if (extensions.isEmpty() || !(extensions.get(extensions.size() - 1) instanceof PreSharedKeyOffer offer)) {
            throw new IllegalStateException("ClientHello does not end with a pre_shared_key offer");
        }
        return offer;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u16(legacyVersion.code()).bytes(random);
        out.opaque8("ClientHello.legacy_session_id", 0, 32, legacySessionId);
        out.list16("ClientHello.cipher_suites", 2, 0xFFFE, cipherSuites, (w, s) -> w.u16(s.code()));
        out.opaque8("ClientHello.legacy_compression_methods", 1, 0xFF, legacyCompressionMethods);
        if (extensionsPresent) {
            ExtensionCodec.encodeBlock(out, extensions, "ClientHello.extensions", 0, 0xFFFF);
        }
    }

    /** Reads the body. */
    public static ClientHello decodeBody(ByteReader body) {
        VersionCode version = new VersionCode(body.u16("ClientHello.legacy_version"));
        Opaque random = body.fixed("ClientHello.random", RANDOM_LENGTH);
        Opaque sessionId = body.opaque8("ClientHello.legacy_session_id", 0, 32);
        List<CipherSuite> suites = body.list16("ClientHello.cipher_suites", 2, 0xFFFE,
                r -> new CipherSuite(r.u16("CipherSuite")));
        Opaque compression = body.opaque8("ClientHello.legacy_compression_methods", 1, 0xFF);
        if (!body.hasRemaining()) {
            return new ClientHello(version, random, sessionId, suites, compression, List.of(), false);
        }
        List<Extension> extensions = ExtensionCodec.decodeBlock(body, ExtensionContext.CLIENT_HELLO, 0, 0xFFFF);
        return new ClientHello(version, random, sessionId, suites, compression, extensions, true);
    }
}
