package io.tlsmachine.impl.keyschedule;

import static io.tlsmachine.impl.keyschedule.IndependentPrf.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TLS 1.2 master secret (RFC 5246 §8.1), extended master secret (RFC 7627 §4), AEAD key block
 * (RFC 5246 §6.3, RFC 5288, RFC 7905), Finished (RFC 5246 §7.4.9) and exporters (RFC 5705 §4):
 * NIST's CAVP vector where one exists, an independent PRF otherwise.
 */
class Tls12MasterSecretTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT_RANDOM = filled(32, 0x11);
    private static final byte[] SERVER_RANDOM = filled(32, 0x22);
    private static final byte[] PREMASTER = filled(48, 0x03);

    /** NIST CAVP SP 800-135 TLS KDF, [TLS 1.2, SHA-256] COUNT = 0. */
    @Test
    void masterSecretAndKeyBlockMatchTheNistCavpVector() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        Secret premaster = Secret.copyOf(HEX.parseHex(
                "f8938ecc9edebc5030c0c6a441e213cd24e6f770a50dda07876f8d55da062bcadb386b411fd4fe4313a604fce6c17fbc"));
        byte[] clientHelloRandom = HEX.parseHex("36c129d01a3200894b9179faac589d9835d58775f9b5ea3587cb8fd0364cae8c");
        byte[] serverHelloRandom = HEX.parseHex("f6c9575ed7ddd73e1f7d16eca115415812a43c2b747daaaae043abfb50053fce");
        byte[] clientRandom = HEX.parseHex("62e1fd91f23f558a605f28478c58cf72637b89784d959df7e946d3f07bd1b616");
        byte[] serverRandom = HEX.parseHex("ae6c806f8ad4d80784549dff28a4b58fd837681a51d928c3e30ee5ff14f39868");
        byte[] keyBlock = HEX.parseHex("d06139889fffac1e3a71865f504aa5d0d2a2e89506c6f2279b670c3e1b74f531"
                + "016a2530c51a3a0f7e1d6590d0f0566b2f387f8d11fd4f731cdd572d2eae927f"
                + "6f2f81410b25e6960be68985add6c38445ad9f8c64bf8068bf9a6679485d966f"
                + "1ad6f68b43495b10a683755ea2b858d70ccac7ec8b053c6bd41ca299d4e51928");

        Tls12MasterSecret master = Tls12MasterSecret.fromPremaster(prf, premaster, clientHelloRandom, serverHelloRandom);
        assertThat(HEX.formatHex(master.secret().bytes())).isEqualTo(
                "202c88c00f84a17a20027079604787461176455539e705be730890602c289a5001e34eeb3a043e5d52a65e66125188bf");

        // The vector's 1024-bit key block; an AES-128-GCM suite takes its first 40 bytes.
        Tls12KeyBlock keys = master.keyBlock(AeadAlgorithm.AES_128_GCM, clientRandom, serverRandom);
        assertThat(keys.client().key().bytes()).isEqualTo(Arrays.copyOfRange(keyBlock, 0, 16));
        assertThat(keys.server().key().bytes()).isEqualTo(Arrays.copyOfRange(keyBlock, 16, 32));
        assertThat(keys.client().iv().bytes()).isEqualTo(Arrays.copyOfRange(keyBlock, 32, 36));
        assertThat(keys.server().iv().bytes()).isEqualTo(Arrays.copyOfRange(keyBlock, 36, 40));
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA256", "SHA384"})
    void extendedMasterSecretIsThePrfOfTheSessionHash(HashAlgorithm hash) {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), hash);
        byte[] sessionHash = filled(hash.length(), 0x5A);
        Tls12MasterSecret extended = Tls12MasterSecret.extendedFromPremaster(prf, Secret.copyOf(PREMASTER), sessionHash);
        assertThat(extended.secret().bytes())
                .isEqualTo(IndependentPrf.tls12(hash, PREMASTER, "extended master secret", sessionHash, 48));
        Tls12MasterSecret plain = Tls12MasterSecret.fromPremaster(prf, Secret.copyOf(PREMASTER), CLIENT_RANDOM, SERVER_RANDOM);
        assertThat(plain.secret().bytes())
                .isEqualTo(IndependentPrf.tls12(hash, PREMASTER, "master secret", concat(CLIENT_RANDOM, SERVER_RANDOM), 48))
                .isNotEqualTo(extended.secret().bytes());
    }

    /** RFC 7627 §5.4: the engine exports keying material only from an extended master secret; resumed ones are (§5.3). */
    @Test
    void saysWhetherItIsAnExtendedMasterSecret() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        assertThat(Tls12MasterSecret.fromPremaster(prf, Secret.copyOf(PREMASTER), CLIENT_RANDOM, SERVER_RANDOM).extended()).isFalse();
        assertThat(Tls12MasterSecret.extendedFromPremaster(prf, Secret.copyOf(PREMASTER), new byte[32]).extended()).isTrue();
        assertThat(Tls12MasterSecret.resumed(prf, Secret.copyOf(new byte[Tls12MasterSecret.LENGTH])).extended()).isTrue();
    }

    @Test
    void extendedMasterSecretRefusesASessionHashOfTheWrongLength() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA384);
        assertThatThrownBy(() -> Tls12MasterSecret.extendedFromPremaster(prf, Secret.copyOf(PREMASTER), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void keyBlockCutsWriteKeysThenImplicitIvsClientFirst(AeadAlgorithm aead) {
        HashAlgorithm hash = aead == AeadAlgorithm.AES_256_GCM ? HashAlgorithm.SHA384 : HashAlgorithm.SHA256;
        Tls12MasterSecret master = master(hash);
        int keyLength = aead.keyLength();
        int ivLength = aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        byte[] block = IndependentPrf.tls12(hash, master.secret().bytes(), "key expansion",
                concat(SERVER_RANDOM, CLIENT_RANDOM), 2 * (keyLength + ivLength));

        Tls12KeyBlock keys = master.keyBlock(aead, CLIENT_RANDOM, SERVER_RANDOM);
        assertThat(keys.client().key().bytes()).isEqualTo(Arrays.copyOfRange(block, 0, keyLength));
        assertThat(keys.server().key().bytes()).isEqualTo(Arrays.copyOfRange(block, keyLength, 2 * keyLength));
        assertThat(keys.client().iv().bytes()).isEqualTo(Arrays.copyOfRange(block, 2 * keyLength, 2 * keyLength + ivLength));
        assertThat(keys.server().iv().bytes()).isEqualTo(Arrays.copyOfRange(block, 2 * keyLength + ivLength, block.length));
        assertThat(Tls12KeyBlock.fixedIvLength(aead)).isEqualTo(ivLength);
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA256", "SHA384"})
    void finishedVerifyDataIsTwelveBytesOfThePrfWithTheSendersLabel(HashAlgorithm hash) {
        Tls12MasterSecret master = master(hash);
        byte[] handshakeHash = filled(hash.length(), 0x77);
        assertThat(master.finishedVerifyData(Role.CLIENT, handshakeHash))
                .isEqualTo(IndependentPrf.tls12(hash, master.secret().bytes(), "client finished", handshakeHash, 12));
        assertThat(master.finishedVerifyData(Role.SERVER, handshakeHash))
                .isEqualTo(IndependentPrf.tls12(hash, master.secret().bytes(), "server finished", handshakeHash, 12));
    }

    @Test
    void checkFinishedAcceptsTheRightVerifyDataAndRejectsAnyOther() {
        Tls12MasterSecret master = master(HashAlgorithm.SHA256);
        byte[] handshakeHash = filled(32, 0x77);
        byte[] client = master.finishedVerifyData(Role.CLIENT, handshakeHash);
        byte[] server = master.finishedVerifyData(Role.SERVER, handshakeHash);
        master.checkFinished(Role.CLIENT, handshakeHash, client);
        master.checkFinished(Role.SERVER, handshakeHash, server);
        assertThatThrownBy(() -> master.checkFinished(Role.CLIENT, handshakeHash, server))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FINISHED));
        byte[] truncated = Arrays.copyOf(client, 11);
        assertThatThrownBy(() -> master.checkFinished(Role.CLIENT, handshakeHash, truncated)).isInstanceOf(TlsException.class);
    }

    @Test
    void exporterFollowsRfc5705WithAndWithoutContext() {
        Tls12MasterSecret master = master(HashAlgorithm.SHA256);
        byte[] randoms = concat(CLIENT_RANDOM, SERVER_RANDOM);
        byte[] context = {1, 2, 3};
        byte[] withoutContext = master.export("EXPORTER-test", CLIENT_RANDOM, SERVER_RANDOM, null, 20);
        byte[] emptyContext = master.export("EXPORTER-test", CLIENT_RANDOM, SERVER_RANDOM, new byte[0], 20);
        byte[] withContext = master.export("EXPORTER-test", CLIENT_RANDOM, SERVER_RANDOM, context, 20);
        byte[] secret = master.secret().bytes();
        assertThat(withoutContext).isEqualTo(IndependentPrf.tls12(HashAlgorithm.SHA256, secret, "EXPORTER-test", randoms, 20));
        assertThat(emptyContext).isEqualTo(IndependentPrf.tls12(HashAlgorithm.SHA256, secret, "EXPORTER-test",
                concat(randoms, new byte[] {0, 0}), 20));
        assertThat(withContext).isEqualTo(IndependentPrf.tls12(HashAlgorithm.SHA256, secret, "EXPORTER-test",
                concat(randoms, new byte[] {0, 3}, context), 20));
        assertThat(withoutContext).isNotEqualTo(emptyContext);
    }

    @Test
    void refusesRandomsThatAreNot32Bytes() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        assertThatThrownBy(() -> Tls12MasterSecret.fromPremaster(prf, Secret.copyOf(PREMASTER), new byte[31], SERVER_RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resumedMasterSecretGivesTheSameKeysAsTheOriginal() {
        Tls12MasterSecret original = master(HashAlgorithm.SHA256);
        Tls12MasterSecret resumed = Tls12MasterSecret.resumed(
                new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256), Secret.copyOf(original.secret().bytes()));
        assertThat(resumed.keyBlock(AeadAlgorithm.AES_128_GCM, CLIENT_RANDOM, SERVER_RANDOM).client().key().bytes())
                .isEqualTo(original.keyBlock(AeadAlgorithm.AES_128_GCM, CLIENT_RANDOM, SERVER_RANDOM).client().key().bytes());
    }

    @Test
    void toStringShowsNoSecretAndDestroyWipesIt() {
        Tls12MasterSecret master = master(HashAlgorithm.SHA256);
        String hex = HEX.formatHex(master.secret().bytes());
        Tls12KeyBlock keys = master.keyBlock(AeadAlgorithm.AES_128_GCM, CLIENT_RANDOM, SERVER_RANDOM);
        assertThat(master.toString()).doesNotContain(hex.substring(0, 8)).isEqualTo("Tls12MasterSecret[SHA256]");
        assertThat(keys.toString()).doesNotContain(HEX.formatHex(keys.client().key().bytes()).substring(0, 8));
        master.destroy();
        keys.destroy();
        assertThat(master.isDestroyed()).isTrue();
        assertThat(keys.isDestroyed()).isTrue();
        assertThatThrownBy(() -> master.finishedVerifyData(Role.CLIENT, new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    private static Tls12MasterSecret master(HashAlgorithm hash) {
        return Tls12MasterSecret.fromPremaster(new Tls12Prf(CryptoProviders.jdk(), hash), Secret.copyOf(PREMASTER),
                CLIENT_RANDOM, SERVER_RANDOM);
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
