package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One HMAC over 64 bytes with a hash-length key: the shape of every HKDF step in a key schedule. */
@State(Scope.Thread)
public class HmacBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"SHA256", "SHA384", "SHA512"})
    public HashAlgorithm hash;

    private CryptoProvider crypto;
    private byte[] key;
    private final byte[] data = new byte[64];

    @Setup
    public void setUp() {
        crypto = BenchProviders.byName(provider);
        SplittableRandom random = new SplittableRandom(2);
        key = new byte[hash.length()];
        random.nextBytes(key);
        random.nextBytes(data);
    }

    @Benchmark
    public byte[] hmac() {
        return crypto.hmac(hash, key, data);
    }
}
