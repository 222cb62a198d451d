package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Seals then opens one full 16 KiB record, with a fresh nonce each time (as a record layer does). */
@State(Scope.Thread)
public class AeadBenchmark {
    private static final int RECORD = 16384;

    @Param({"jdk", "bc"})
    public String provider;

    @Param({"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305"})
    public AeadAlgorithm algorithm;

    private Aead sealer;
    private Aead opener;
    private final byte[] plaintext = new byte[RECORD];
    private final byte[] aad = new byte[5];
    private byte[] sealed;
    private byte[] opened;
    private final byte[] nonce = new byte[12];
    private long sequence;

    @Setup
    public void setUp() {
        CryptoProvider crypto = BenchProviders.byName(provider);
        SplittableRandom random = new SplittableRandom(3);
        byte[] key = new byte[algorithm.keyLength()];
        random.nextBytes(key);
        random.nextBytes(plaintext);
        sealer = crypto.aead(algorithm, Secret.copyOf(key));
        opener = crypto.aead(algorithm, Secret.copyOf(key));
        sealed = new byte[RECORD + algorithm.tagLength()];
        opened = new byte[RECORD + algorithm.tagLength()];
    }

    @Benchmark
    public int sealAndOpen() {
        long n = ++sequence;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
        }
        int length = sealer.seal(nonce, aad, plaintext, 0, RECORD, sealed, 0);
        return opener.open(nonce, aad, sealed, 0, length, opened, 0);
    }
}
