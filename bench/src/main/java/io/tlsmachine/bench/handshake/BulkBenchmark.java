package io.tlsmachine.bench.handshake;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bulk transfer on an established TLS 1.3 pair: one 16 KiB application write encrypted by the client and
 * decrypted by the server per operation (MB/s = ops/s × 16384 / 10⁶). The trial checks the negotiated suite;
 * each operation checks that all 16384 bytes arrived.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class BulkBenchmark {

    /** Bytes per application write: one full TLS record. */
    public static final int WRITE = 16384;

    @Param({"tlsmachine", "sunjsse", "bcjsse"})
    public String stack;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private ConnectionPair pair;
    private final byte[] data = new byte[WRITE];

    @Setup(Level.Trial)
    public void setUp() {
        new java.util.Random(6).nextBytes(data);
        pair = new PairFactory(Stack.of(stack), "1.3", BenchPki.hierarchy("ec"), suite, false).newPair();
        pair.handshake();
        if (!pair.cipherSuite().equals(suite)) {
            throw new IllegalStateException("negotiated " + pair.cipherSuite() + ", wanted " + suite);
        }
    }

    @Benchmark
    public int encryptAndDecrypt16KiB() {
        int received = pair.transfer(data);
        if (received != WRITE) {
            throw new IllegalStateException("the server read " + received + " of " + WRITE + " bytes");
        }
        return received;
    }
}
