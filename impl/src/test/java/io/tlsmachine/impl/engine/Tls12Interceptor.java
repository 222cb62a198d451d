package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.DheServerKeyExchange;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.record.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;

/**
 * Plays an active attacker between two engines in the plaintext part of a TLS 1.2 handshake: splits a flight into its
 * records (one handshake message each, as our engine writes them), decodes, replaces and re-signs messages.
 */
final class Tls12Interceptor {

    private Tls12Interceptor() {
    }

    static byte[] join(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Decodes the one handshake message of a plaintext record. */
    static HandshakeMessage decode(byte[] record, DecodeContext context) {
        return HandshakeCodec.decode(Arrays.copyOfRange(record, 5, record.length), context);
    }

    /** A plaintext handshake record carrying {@code message}. */
    static byte[] record(HandshakeMessage message) {
        return new RecordWriter().write(ContentType.HANDSHAKE, HandshakeCodec.encode(message));
    }

    static ClientHello clientHello(byte[] record) {
        return (ClientHello) decode(record, DecodeContext.beforeNegotiation(Role.CLIENT));
    }

    static ServerHello serverHello(byte[] record) {
        return (ServerHello) decode(record, DecodeContext.beforeNegotiation(Role.SERVER));
    }

    /** The ServerHello record with another cipher suite selected. */
    static byte[] withSuite(byte[] serverHelloRecord, CipherSuite suite) {
        ServerHello hello = serverHello(serverHelloRecord);
        return record(new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(), suite,
                hello.legacyCompressionMethod(), hello.extensions()));
    }

    /**
     * A DHE ServerKeyExchange record with (p, g, Ys) of the attacker's (or a misconfigured server's) choice, validly
     * signed with the server's key over the randoms of {@code clientHello} and {@code serverHello} (RFC 5246 §7.4.3).
     */
    static byte[] signedDheServerKeyExchange(byte[] clientHello, byte[] serverHello, PrivateKey serverKey, BigInteger p,
            BigInteger g, BigInteger ys) {
        DheServerKeyExchange unsigned = new DheServerKeyExchange(Opaque.of(unsigned(p)), Opaque.of(unsigned(g)),
                Opaque.of(unsigned(ys)), new io.tlsmachine.impl.codec.types.SignatureScheme(
                        SignatureAlgorithm.RSA_PSS_RSAE_SHA256.code()), Opaque.EMPTY);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(clientHello(clientHello).random().toByteArray());
        signed.writeBytes(serverHello(serverHello).random().toByteArray());
        signed.writeBytes(unsigned.encodedParams());
        byte[] signature = CryptoProviders.fastest().sign(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverKey,
                signed.toByteArray(), EngineFixtures.seeded(9));
        return record(new DheServerKeyExchange(unsigned.p(), unsigned.g(), unsigned.ys(), unsigned.algorithm(),
                Opaque.of(signature)));
    }

    /** The TLS 1.2 decode context of {@code kind} for messages from {@code sender}. */
    static DecodeContext tls12(Role sender, KeyExchangeKind kind) {
        return DecodeContext.tls12(sender, kind);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
