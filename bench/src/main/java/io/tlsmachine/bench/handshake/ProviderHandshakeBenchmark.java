package io.tlsmachine.bench.handshake;

import io.tlsmachine.testkit.TestPki;
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
 * Full handshakes per second through the JSSE API: our provider's SSLEngine ({@code tlsmachine_jsse}, with
 * SunJSSE's SunX509 key manager and PKIX trust manager) against SunJSSE's own, and our engine called directly
 * ({@code tlsmachine}) for the cost of the JSSE layer. Same harness and proof as {@link FullHandshakeBenchmark}: the
 * server sent at least its chain's bytes (the client has no peer host, so no session is looked up).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class ProviderHandshakeBenchmark {

    @Param({"tlsmachine_jsse", "sunjsse", "tlsmachine"})
    public String stack;

    @Param({"1.3", "1.2"})
    public String version;

    @Param({"ec"})
    public String cert;

    private PairFactory factory;
    private int chainBytes;

    @Setup(Level.Trial)
    public void setUp() {
        TestPki.Hierarchy pki = BenchPki.hierarchy(cert);
        factory = new PairFactory(Stack.of(stack), version, pki, null, false);
        chainBytes = BenchPki.chainBytes(pki);
    }

    @Benchmark
    public ConnectionPair fullHandshake() {
        ConnectionPair pair = factory.newPair();
        pair.handshake();
        if (pair.serverHandshakeBytes() < chainBytes || pair.reportsResumed().orElse(false)) {
            throw new IllegalStateException("not a full handshake: the server sent " + pair.serverHandshakeBytes()
                    + " bytes, its chain alone is " + chainBytes);
        }
        return pair;
    }
}
