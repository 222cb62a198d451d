package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TLS 1.2 PRF (RFC 5246 §5): published known answers and an independent implementation. */
class Tls12PrfTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long SEED = 0x7115_12AFL;

    /**
     * The P_SHA256 vector posted to the IETF TLS list (msg03416) and used across implementations
     * (GnuTLS, Bouncy Castle, OpenSSL's "openssl kdf TLS1-PRF" reproduces it).
     */
    @Test
    void sha256MatchesThePublishedVector() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        Secret out = prf.derive(Secret.copyOf(HEX.parseHex("9bbe436ba940f017b17652849a71db35")), "test label", 100,
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"));
        assertThat(HEX.formatHex(out.bytes())).isEqualTo(
                "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                        + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                        + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                        + "87347b66");
    }

    /** The P_SHA384 vector of the same posting. */
    @Test
    void sha384MatchesThePublishedVector() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA384);
        Secret out = prf.derive(Secret.copyOf(HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df")), "test label", 148,
                HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"));
        assertThat(HEX.formatHex(out.bytes())).isEqualTo(
                "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                        + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                        + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                        + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                        + "91c8f3a26854308d5eaa3be85e0990703d73e56f");
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA256", "SHA384"})
    void agreesWithAnIndependentImplementationOnRandomInputs(HashAlgorithm hash) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 300; i++) {
            byte[] secret = bytes(random, random.nextInt(0, 80));
            byte[] seed = bytes(random, random.nextInt(0, 100));
            int length = random.nextInt(0, 200);
            String label = "label " + i;
            byte[] ours = new Tls12Prf(CryptoProviders.jdk(), hash).derive(Secret.copyOf(secret), label, length, seed).bytes();
            byte[] bc = new Tls12Prf(CryptoProviders.bouncyCastle(), hash).derive(Secret.copyOf(secret), label, length, seed).bytes();
            byte[] oracle = IndependentPrf.tls12(hash, secret, label, seed, length);
            assertThat(ours).as("seed %d, case %d", SEED, i).isEqualTo(oracle);
            assertThat(bc).as("Bouncy Castle provider, seed %d, case %d", SEED, i).isEqualTo(oracle);
        }
    }

    @Test
    void shorterOutputIsAPrefixOfLongerOutput() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        Secret secret = Secret.copyOf(new byte[] {1, 2, 3});
        byte[] longer = prf.derive(secret, "l", 97, new byte[] {9}).bytes();
        byte[] shorter = prf.derive(secret, "l", 33, new byte[] {9}).bytes();
        assertThat(Arrays.copyOf(longer, 33)).isEqualTo(shorter);
        assertThat(prf.derive(secret, "l", 0, new byte[] {9}).bytes()).isEmpty();
    }

    @Test
    void seedPartsAreConcatenated() {
        Tls12Prf prf = new Tls12Prf(CryptoProviders.jdk(), HashAlgorithm.SHA256);
        Secret secret = Secret.copyOf(new byte[] {7});
        assertThat(prf.derive(secret, "l", 40, new byte[] {1, 2}, new byte[] {3}).bytes())
                .isEqualTo(prf.derive(secret, "l", 40, new byte[] {1, 2, 3}).bytes());
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
