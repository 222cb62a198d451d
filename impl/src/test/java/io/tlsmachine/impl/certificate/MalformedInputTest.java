package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid keys and certificates: every parser either succeeds or fails with
 * its documented exception (IllegalArgumentException for our key files, BAD_CERTIFICATE for the
 * peer's certificates), never with anything else.
 */
class MalformedInputTest {
    private static final long SEED = 0xC0FFEE_CE27L;
    private static final int MUTANTS_PER_INPUT = 400;

    @Test
    void keyParsersFailOnlyWithIllegalArgumentException() throws Exception {
        var ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey ecKey = (ECPrivateKey) ec.generateKeyPair().getPrivate();
        byte[] rsaPkcs8 = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        byte[] sec1 = Der.sequence(Der.smallInteger(1), Der.tlv(Der.OCTET_STRING, fixed(ecKey.getS().toByteArray(), 32)),
                Der.tlv(Der.CONTEXT_0, Der.oid("1.2.840.10045.3.1.7")));
        byte[] pkcs1 = pkcs8PrivateKeyField(rsaPkcs8);

        List<String> unexpected = new ArrayList<>();
        mutate(ecKey.getEncoded(), "PKCS#8 EC", unexpected, PrivateKeyLoader::fromPkcs8);
        mutate(rsaPkcs8, "PKCS#8 RSA", unexpected, PrivateKeyLoader::fromPkcs8);
        mutate(sec1, "SEC1", unexpected, der -> PrivateKeyLoader.fromBlock(new PemBlock("EC PRIVATE KEY", der)));
        mutate(pkcs1, "PKCS#1", unexpected, der -> PrivateKeyLoader.fromBlock(new PemBlock("RSA PRIVATE KEY", der)));

        assertThat(unexpected).as("seed %x", SEED).isEmpty();
    }

    @Test
    void certificateParsingFailsOnlyWithBadCertificate() {
        List<String> unexpected = new ArrayList<>();
        mutate(Fixtures.EC.chain().encoded(0), "EC certificate", unexpected, der -> CertificateChain.fromDer(List.of(der)));
        mutate(Fixtures.RSA.chain().encoded(0), "RSA certificate", unexpected, der -> CertificateChain.fromDer(List.of(der)));

        assertThat(unexpected).as("seed %x", SEED).isEmpty();
    }

    private static void mutate(byte[] valid, String what, List<String> unexpected, Consumer<byte[]> parser) {
        SplittableRandom random = new SplittableRandom(SEED ^ what.hashCode());
        for (int i = 0; i < MUTANTS_PER_INPUT; i++) {
            byte[] mutant = mutant(valid, random);
            try {
                parser.accept(mutant);
            } catch (IllegalArgumentException e) {
                // The documented failure of key loading.
            } catch (TlsException e) {
                if (e.reason() != Reason.BAD_CERTIFICATE) {
                    unexpected.add(what + " mutant " + i + ": " + e);
                }
            } catch (RuntimeException e) {
                unexpected.add(what + " mutant " + i + ": " + e);
            }
        }
    }

    /** Flips, truncates, extends or overwrites a length byte, at a random place. */
    private static byte[] mutant(byte[] valid, SplittableRandom random) {
        byte[] out = valid.clone();
        int position = random.nextInt(out.length);
        switch (random.nextInt(4)) {
            case 0 -> out[position] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out = java.util.Arrays.copyOf(out, position);
            case 2 -> out = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
            default -> out[position] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] pkcs8PrivateKeyField(byte[] pkcs8) {
        Der.Tlv info = Der.readWhole(pkcs8);
        Der.Tlv version = info.firstChild();
        return info.next(info.next(version)).content();
    }

    private static byte[] fixed(byte[] unsigned, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(unsigned.length, length);
        System.arraycopy(unsigned, unsigned.length - copy, out, length - copy, copy);
        return out;
    }
}
