package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.vectors.Tls13Trace;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TLS 1.3 key schedule beyond what the traces show: stage consumption, KeyUpdate (RFC 8446
 * §7.2), exporters (§7.5), psk_ke, SHA-384 suites, and the hygiene of secrets; checked against
 * {@link IndependentPrf}.
 */
class Tls13KeyScheduleTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Tls13Hkdf SHA256 = new Tls13Hkdf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
    private static final byte[] SHARED_SECRET = filled(32, 0x42);

    @Test
    void movingToTheNextStageDestroysThePreviousOne() {
        EarlySecret early = EarlySecret.withoutPsk(SHA256);
        HandshakeSecret handshake = early.toHandshakeSecret(Secret.copyOf(SHARED_SECRET));
        assertThat(early.isDestroyed()).isTrue();
        assertThatThrownBy(() -> early.binderKey(PskKind.EXTERNAL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> early.toHandshakeSecret(Secret.copyOf(SHARED_SECRET))).isInstanceOf(IllegalStateException.class);

        MasterSecret master = handshake.toMasterSecret();
        assertThat(handshake.isDestroyed()).isTrue();
        assertThatThrownBy(() -> handshake.clientHandshakeTrafficSecret(new byte[32])).isInstanceOf(IllegalStateException.class);
        assertThat(master.isDestroyed()).isFalse();
    }

    @Test
    void theSharedSecretStaysWithTheCaller() {
        Secret shared = Secret.copyOf(SHARED_SECRET);
        EarlySecret.withoutPsk(SHA256).toHandshakeSecret(shared);
        assertThat(shared.isDestroyed()).isFalse();
    }

    @Test
    void keyUpdateDerivesTrafficUpdAndDestroysTheOldGeneration() {
        byte[] applicationSecret = Tls13TraceReplay.of(Tls13Trace.SIMPLE_1RTT).derivedSecrets.get("c ap traffic");
        TrafficSecret generation0 = TrafficSecret.of(SHA256, Secret.copyOf(applicationSecret));
        TrafficSecret generation1 = generation0.nextGeneration();
        byte[] expected1 = IndependentPrf.expandLabel(HashAlgorithm.SHA256, applicationSecret, "traffic upd", new byte[0], 32);
        assertThat(generation1.secret().bytes()).isEqualTo(expected1);
        assertThat(generation0.isDestroyed()).isTrue();

        TrafficSecret generation2 = generation1.nextGeneration();
        assertThat(generation2.secret().bytes())
                .isEqualTo(IndependentPrf.expandLabel(HashAlgorithm.SHA256, expected1, "traffic upd", new byte[0], 32));
        TrafficKeys keys = generation2.trafficKeys(AeadAlgorithm.AES_128_GCM);
        assertThat(keys.key().bytes()).isEqualTo(IndependentPrf.expandLabel(
                HashAlgorithm.SHA256, generation2.secret().bytes(), "key", new byte[0], 16));
    }

    @Test
    void exportersFollowRfc8446Section75() {
        byte[] exporterMaster = Tls13TraceReplay.of(Tls13Trace.SIMPLE_1RTT).derivedSecrets.get("exp master");
        ExporterMasterSecret exporter = new ExporterMasterSecret(SHA256, Secret.copyOf(exporterMaster));
        byte[] context = "context".getBytes(StandardCharsets.US_ASCII);

        byte[] perLabel = IndependentPrf.expandLabel(HashAlgorithm.SHA256, exporterMaster, "EXPORTER-test",
                IndependentPrf.hash(HashAlgorithm.SHA256, new byte[0]), 32);
        byte[] expected = IndependentPrf.expandLabel(HashAlgorithm.SHA256, perLabel, "exporter",
                IndependentPrf.hash(HashAlgorithm.SHA256, context), 40);
        assertThat(exporter.export("EXPORTER-test", context, 40)).isEqualTo(expected);
        assertThat(exporter.export("EXPORTER-test", null, 16)).isEqualTo(exporter.export("EXPORTER-test", new byte[0], 16));
        assertThat(exporter.export("EXPORTER-other", context, 40)).isNotEqualTo(expected);
    }

    @Test
    void ticketPskDependsOnTheTicketNonce() {
        byte[] resumptionMaster = Tls13TraceReplay.of(Tls13Trace.SIMPLE_1RTT).derivedSecrets.get("res master");
        ResumptionMasterSecret resumption = new ResumptionMasterSecret(SHA256, Secret.copyOf(resumptionMaster));
        byte[] nonce = {0, 1};
        assertThat(resumption.ticketPsk(nonce).bytes())
                .isEqualTo(IndependentPrf.expandLabel(HashAlgorithm.SHA256, resumptionMaster, "resumption", nonce, 32))
                .isNotEqualTo(resumption.ticketPsk(new byte[] {0, 0}).bytes());
    }

    @Test
    void pskOnlyHandshakeExtractsHashLengthZeros() {
        Secret psk = Secret.copyOf(filled(32, 9));
        HandshakeSecret pskOnly = EarlySecret.fromPsk(SHA256, psk).toHandshakeSecretWithoutKeyExchange();
        HandshakeSecret zeros = EarlySecret.fromPsk(SHA256, psk).toHandshakeSecret(Secret.copyOf(new byte[32]));
        assertThat(pskOnly.secret().bytes()).isEqualTo(zeros.secret().bytes());
    }

    @ParameterizedTest
    @EnumSource(value = AeadAlgorithm.class, names = {"AES_256_GCM", "CHACHA20_POLY1305"})
    void sha384ScheduleAgreesWithAnIndependentDerivation(AeadAlgorithm aead) {
        HashAlgorithm hash = HashAlgorithm.SHA384;
        Tls13Hkdf hkdf = new Tls13Hkdf(CryptoProviders.bouncyCastle(), hash);
        byte[] zeros = new byte[48];
        byte[] emptyHash = IndependentPrf.hash(hash, new byte[0]);
        byte[] transcriptHash = IndependentPrf.hash(hash, "ClientHello...ServerHello".getBytes(StandardCharsets.US_ASCII));
        byte[] ecdhe = filled(48, 0x33);

        byte[] early = IndependentPrf.hmac(hash, zeros, zeros);
        byte[] handshake = IndependentPrf.hmac(hash,
                IndependentPrf.expandLabel(hash, early, "derived", emptyHash, 48), ecdhe);
        byte[] serverHandshakeTraffic = IndependentPrf.expandLabel(hash, handshake, "s hs traffic", transcriptHash, 48);
        byte[] master = IndependentPrf.hmac(hash,
                IndependentPrf.expandLabel(hash, handshake, "derived", emptyHash, 48), zeros);

        EarlySecret earlyStage = EarlySecret.withoutPsk(hkdf);
        assertThat(earlyStage.secret().bytes()).isEqualTo(early);
        HandshakeSecret handshakeStage = earlyStage.toHandshakeSecret(Secret.copyOf(ecdhe));
        assertThat(handshakeStage.secret().bytes()).isEqualTo(handshake);
        TrafficSecret serverTraffic = handshakeStage.serverHandshakeTrafficSecret(transcriptHash);
        assertThat(serverTraffic.secret().bytes()).isEqualTo(serverHandshakeTraffic);
        TrafficKeys keys = serverTraffic.trafficKeys(aead);
        assertThat(keys.key().bytes()).isEqualTo(
                IndependentPrf.expandLabel(hash, serverHandshakeTraffic, "key", new byte[0], aead.keyLength()));
        assertThat(keys.iv().bytes()).isEqualTo(IndependentPrf.expandLabel(hash, serverHandshakeTraffic, "iv", new byte[0], 12));
        byte[] finishedKey = IndependentPrf.expandLabel(hash, serverHandshakeTraffic, "finished", new byte[0], 48);
        assertThat(serverTraffic.finishedVerifyData(transcriptHash))
                .isEqualTo(IndependentPrf.hmac(hash, finishedKey, transcriptHash));
        assertThat(handshakeStage.toMasterSecret().secret().bytes()).isEqualTo(master);
    }

    @Test
    void externalAndResumptionBinderKeysDiffer() {
        EarlySecret early = EarlySecret.fromPsk(SHA256, Secret.copyOf(filled(32, 1)));
        byte[] external = early.binderKey(PskKind.EXTERNAL).secret().bytes();
        byte[] resumption = early.binderKey(PskKind.RESUMPTION).secret().bytes();
        assertThat(external).isEqualTo(IndependentPrf.expandLabel(HashAlgorithm.SHA256, early.secret().bytes(),
                "ext binder", IndependentPrf.hash(HashAlgorithm.SHA256, new byte[0]), 32));
        assertThat(external).isNotEqualTo(resumption);
    }

    @Test
    void hkdfLabelRefusesFieldsThatDoNotFit() {
        assertThatThrownBy(() -> Tls13Hkdf.hkdfLabel(32, "x".repeat(250), new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tls13Hkdf.hkdfLabel(32, "key", new byte[256])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tls13Hkdf.hkdfLabel(0x10000, "key", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tls13Hkdf.hkdfLabel(32, "x".repeat(249), new byte[255])).hasSize(2 + 1 + 255 + 1 + 255);
    }

    @Test
    void deriveSecretRefusesATranscriptHashOfAnotherLength() {
        Secret secret = Secret.copyOf(new byte[32]);
        assertThatThrownBy(() -> SHA256.deriveSecret(secret, "c hs traffic", new byte[48])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trafficKeysRefuseAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new TrafficKeys(AeadAlgorithm.AES_256_GCM, Secret.copyOf(new byte[16]), Secret.copyOf(new byte[12])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noStageOrKeyPrintsItsSecret() {
        EarlySecret early = EarlySecret.fromPsk(SHA256, Secret.copyOf(filled(32, 1)));
        BinderKey binder = early.binderKey(PskKind.RESUMPTION);
        TrafficSecret earlyTraffic = early.clientEarlyTrafficSecret(new byte[32]);
        ExporterMasterSecret earlyExporter = early.earlyExporterMasterSecret(new byte[32]);
        List<byte[]> secrets = List.of(early.secret().bytes().clone(), binder.secret().bytes().clone(),
                earlyTraffic.secret().bytes().clone(), earlyExporter.secret().bytes().clone());
        TrafficKeys keys = earlyTraffic.trafficKeys(AeadAlgorithm.AES_128_GCM);
        HandshakeSecret handshake = early.toHandshakeSecret(Secret.copyOf(SHARED_SECRET));
        MasterSecret master = handshake.toMasterSecret();
        ResumptionMasterSecret resumption = master.resumptionMasterSecret(new byte[32]);
        String printed = String.join(" ", early.toString(), binder.toString(), earlyTraffic.toString(),
                earlyExporter.toString(), keys.toString(), handshake.toString(), master.toString(), resumption.toString(),
                SHA256.toString());
        for (byte[] secret : secrets) {
            assertThat(printed).doesNotContain(HEX.formatHex(Arrays.copyOf(secret, 4)));
        }
        assertThat(printed).doesNotContain(HEX.formatHex(Arrays.copyOf(keys.key().bytes(), 4)));
        assertThat(keys.toString()).isEqualTo("TrafficKeys[aead=AES_128_GCM, key=Secret[16 bytes], iv=Secret[12 bytes]]");
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
