package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Hashes 1 KiB (about one handshake flight of transcript) from a fresh digest. */
@State(Scope.Thread)
public class DigestBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"SHA256", "SHA384", "SHA512"})
    public HashAlgorithm hash;

    private CryptoProvider crypto;
    private final byte[] data = new byte[1024];

    @Setup
    public void setUp() {
        crypto = BenchProviders.byName(provider);
        new SplittableRandom(1).nextBytes(data);
    }

    @Benchmark
    public byte[] digest() {
        Digest digest = crypto.digest(hash);
        digest.update(data);
        return digest.finish();
    }
}
