package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.model.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * A known-answer test of one whole TLS 1.3 handshake with X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) from fixed
 * randomness: both engines draw from seeded generators whose every draw is recorded, and the test recomputes, from
 * those draws alone and with implementations other than the engine's, the client's and the server's key shares (read
 * from the recorded ClientHello and ServerHello), the 64-byte hybrid shared secret (by both sides' computations,
 * which must agree) and the client and server handshake traffic secrets, compared with the key log lines both
 * engines write. ML-KEM-768 is Bouncy Castle's lightweight {@code org.bouncycastle.pqc.crypto.mlkem} classes used
 * directly, X25519 the JDK's {@code XDH}, and the RFC 8446 §7.1 key schedule is written out below with
 * {@code javax.crypto.Mac} HKDF (RFC 5869), none of them our provider or key schedule classes.
 */
class HybridHandshakeKnownAnswerTest {
    private static final int X25519MLKEM768 = 0x11EC;
    private static final int KEY_SHARE = 51;
    private static final int ENCAPSULATION_KEY_LENGTH = 1184;
    private static final int CIPHERTEXT_LENGTH = 1088;
    private static final int X25519_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    /** A seeded SHA1PRNG that keeps a copy of every draw, in order, so the test can reuse the engine's randomness. */
    private static final class RecordingRandom extends SecureRandom {
        private final SecureRandom seeded;
        private final List<byte[]> draws = new ArrayList<>();

        RecordingRandom(long seed) {
            this.seeded = EngineFixtures.seeded(seed);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            seeded.nextBytes(bytes);
            draws.add(bytes.clone());
        }

        /**
         * The {@code count} draws from the one equal to {@code first} (a hello's random) on; the draws before it
         * are the configuration's (its session ticket key, drawn when the engine's configuration is built).
         */
        synchronized List<byte[]> drawsFrom(byte[] first, int count) {
            int start = -1;
            for (int i = 0; i < draws.size() && start < 0; i++) {
                start = Arrays.equals(draws.get(i), first) ? i : -1;
            }
            assertThat(start).as("the hello's random is one of the draws").isNotNegative();
            assertThat(draws.size()).as("draws from the hello's random on").isGreaterThanOrEqualTo(start + count);
            return List.copyOf(draws.subList(start, start + count));
        }
    }

    @Test
    void x25519Mlkem768HandshakeMatchesAnIndependentComputation() throws Exception {
        RecordingRandom clientRandom = new RecordingRandom(2026);
        RecordingRandom serverRandom = new RecordingRandom(2027);
        CapturingKeyLog clientLog = new CapturingKeyLog();
        CapturingKeyLog serverLog = new CapturingKeyLog();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS13).groups(KeyExchangeGroup.X25519MLKEM768)
                        .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).random(clientRandom).keyLog(clientLog).build(),
                EngineFixtures.server(EC).random(serverRandom).keyLog(serverLog).build()).handshake();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.X25519MLKEM768);

        byte[] clientHello = firstHandshakeMessage(pair.clientToServer.get(0));
        byte[] serverHello = firstHandshakeMessage(pair.serverToClient.get(0));
        byte[] clientShare = keyShare(clientHello, true);
        byte[] serverShare = keyShare(serverHello, false);
        assertThat(clientShare).hasSize(ENCAPSULATION_KEY_LENGTH + X25519_LENGTH);
        assertThat(serverShare).hasSize(CIPHERTEXT_LENGTH + X25519_LENGTH);

        // Client share: ML-KEM-768 encapsulation key from the seed d || z (FIPS 203 §6.1: two 32-byte draws), then
        // the X25519 public key of the next 32-byte draw (draft-ietf-tls-ecdhe-mlkem: the ML-KEM part first). The
        // client draws its random, its legacy_session_id (RFC 8446 §4.1.2, compatibility mode), then the key share.
        byte[] clientRandomBytes = Arrays.copyOfRange(clientHello, 6, 38);
        List<byte[]> clientDraws = clientRandom.drawsFrom(clientRandomBytes, 5);
        assertThat(clientDraws.get(1)).as("legacy_session_id").isEqualTo(Arrays.copyOfRange(clientHello, 39,
                39 + (clientHello[38] & 0xFF)));
        MLKEMPrivateKeyParameters decapsulationKey = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768,
                concat(clientDraws.get(2), clientDraws.get(3)));
        byte[] clientX25519Private = clientDraws.get(4);
        assertThat(HEX.formatHex(clientShare)).as("client key share").isEqualTo(HEX.formatHex(concat(
                decapsulationKey.getPublicKeyParameters().getEncoded(), x25519PublicKey(clientX25519Private))));

        // Server share: the server draws its random, its X25519 key, then the message m it encapsulates to the
        // client's key (FIPS 203 §6.2); the share is the ciphertext, then the server's X25519 public key.
        byte[] serverRandomBytes = Arrays.copyOfRange(serverHello, 6, 38);
        List<byte[]> serverDraws = serverRandom.drawsFrom(serverRandomBytes, 3);
        byte[] serverX25519Private = serverDraws.get(1);
        SecretWithEncapsulation encapsulated = new MLKEMGenerator(fixed(serverDraws.get(2))).generateEncapsulated(
                new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, Arrays.copyOf(clientShare, ENCAPSULATION_KEY_LENGTH)));
        assertThat(HEX.formatHex(serverShare)).as("server key share").isEqualTo(HEX.formatHex(
                concat(encapsulated.getEncapsulation(), x25519PublicKey(serverX25519Private))));

        // Shared secret = ML-KEM shared secret || X25519 shared secret, computed by both sides.
        byte[] serverSideSecret = concat(encapsulated.getSecret(),
                x25519(serverX25519Private, Arrays.copyOfRange(clientShare, ENCAPSULATION_KEY_LENGTH, clientShare.length)));
        byte[] clientSideSecret = concat(
                new MLKEMExtractor(decapsulationKey).extractSecret(Arrays.copyOf(serverShare, CIPHERTEXT_LENGTH)),
                x25519(clientX25519Private, Arrays.copyOfRange(serverShare, CIPHERTEXT_LENGTH, serverShare.length)));
        assertThat(clientSideSecret).hasSize(64).isEqualTo(serverSideSecret);

        // RFC 8446 §7.1 with SHA-256 (TLS_AES_128_GCM_SHA256), no PSK.
        byte[] zeros = new byte[32];
        byte[] earlySecret = hkdfExtract(zeros, zeros);
        byte[] handshakeSecret = hkdfExtract(deriveSecret(earlySecret, "derived", new byte[0]), clientSideSecret);
        byte[] transcript = concat(clientHello, serverHello);
        byte[] clientHandshakeTraffic = deriveSecret(handshakeSecret, "c hs traffic", transcript);
        byte[] serverHandshakeTraffic = deriveSecret(handshakeSecret, "s hs traffic", transcript);
        for (CapturingKeyLog log : List.of(clientLog, serverLog)) {
            assertThat(HEX.formatHex(log.secret(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET)))
                    .isEqualTo(HEX.formatHex(clientHandshakeTraffic));
            assertThat(HEX.formatHex(log.secret(KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET)))
                    .isEqualTo(HEX.formatHex(serverHandshakeTraffic));
            assertThat(log.lines()).map(String::strip).contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + HEX.formatHex(clientRandomBytes) + " "
                    + HEX.formatHex(clientHandshakeTraffic));
        }
    }

    /** A SecureRandom that returns {@code bytes} once (Bouncy Castle's encapsulation draws exactly 32 bytes). */
    private static SecureRandom fixed(byte[] bytes) {
        return new SecureRandom() {
            private boolean used;

            @Override
            public void nextBytes(byte[] out) {
                assertThat(used).as("one draw only").isFalse();
                assertThat(out).hasSameSizeAs(bytes);
                System.arraycopy(bytes, 0, out, 0, bytes.length);
                used = true;
            }
        };
    }

    /** The first handshake message (header included) of a flight whose first record is a plaintext handshake. */
    private static byte[] firstHandshakeMessage(byte[] flight) {
        assertThat(flight[0]).as("handshake record").isEqualTo((byte) 22);
        int recordLength = ((flight[3] & 0xFF) << 8) | (flight[4] & 0xFF);
        int messageLength = ((flight[6] & 0xFF) << 16) | ((flight[7] & 0xFF) << 8) | (flight[8] & 0xFF);
        assertThat(4 + messageLength).as("the hello fits its first record").isLessThanOrEqualTo(recordLength);
        return Arrays.copyOfRange(flight, 5, 5 + 4 + messageLength);
    }

    /**
     * The X25519MLKEM768 key_exchange of a ClientHello's key_share (RFC 8446 §4.2.8: client_shares list) or a
     * ServerHello's (one server_share).
     */
    private static byte[] keyShare(byte[] hello, boolean clientHello) {
        ByteBuffer in = ByteBuffer.wrap(hello);
        in.position(4 + 2 + 32);
        skip(in, in.get() & 0xFF); // legacy_session_id(_echo)
        if (clientHello) {
            skip(in, in.getShort() & 0xFFFF); // cipher_suites
            skip(in, in.get() & 0xFF); // legacy_compression_methods
        } else {
            skip(in, 3); // cipher_suite, legacy_compression_method
        }
        int extensionsEnd = (in.getShort() & 0xFFFF) + in.position();
        while (in.position() < extensionsEnd) {
            int type = in.getShort() & 0xFFFF;
            int length = in.getShort() & 0xFFFF;
            if (type != KEY_SHARE) {
                skip(in, length);
                continue;
            }
            int sharesEnd = clientHello ? (in.getShort() & 0xFFFF) + in.position() : in.position() + length;
            while (in.position() < sharesEnd) {
                int group = in.getShort() & 0xFFFF;
                byte[] share = new byte[in.getShort() & 0xFFFF];
                in.get(share);
                if (group == X25519MLKEM768) {
                    return share;
                }
            }
        }
        throw new AssertionError("no X25519MLKEM768 key share");
    }

    private static void skip(ByteBuffer in, int length) {
        in.position(in.position() + length);
    }

    /** X25519(k, 9), RFC 7748 §6.1, with the JDK's XDH. */
    private static byte[] x25519PublicKey(byte[] privateKey) throws Exception {
        byte[] basePoint = new byte[32];
        basePoint[0] = 9;
        return x25519(privateKey, basePoint);
    }

    /** X25519(k, u) with the JDK's XDH; u little-endian as on the wire (RFC 7748 §5). */
    private static byte[] x25519(byte[] privateKey, byte[] peerPublic) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("XDH");
        PrivateKey own = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
        byte[] bigEndian = peerPublic.clone();
        for (int i = 0; i < bigEndian.length / 2; i++) {
            byte swap = bigEndian[i];
            bigEndian[i] = bigEndian[bigEndian.length - 1 - i];
            bigEndian[bigEndian.length - 1 - i] = swap;
        }
        PublicKey peer = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(own);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    /** HKDF-Extract(salt, IKM) = HMAC-SHA256(salt, IKM), RFC 5869 §2.2. */
    private static byte[] hkdfExtract(byte[] salt, byte[] ikm) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    /** Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, SHA-256(Messages), 32), RFC 8446 §7.1. */
    private static byte[] deriveSecret(byte[] secret, String label, byte[] messages) throws Exception {
        byte[] context = MessageDigest.getInstance("SHA-256").digest(messages);
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream hkdfLabel = new ByteArrayOutputStream();
        hkdfLabel.write(0);
        hkdfLabel.write(32);
        hkdfLabel.write(fullLabel.length);
        hkdfLabel.writeBytes(fullLabel);
        hkdfLabel.write(context.length);
        hkdfLabel.writeBytes(context);
        // HKDF-Expand (RFC 5869 §2.3) for L = 32 = HashLen: T(1) = HMAC(PRK, info || 0x01).
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(hkdfLabel.toByteArray());
        mac.update((byte) 1);
        return mac.doFinal();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
