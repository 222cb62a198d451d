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
 * Full handshakes per second, client and server in one thread over in-memory buffers, certificate chain verified
 * with PKIX. Each invocation proves it was full and used its group ({@link HandshakeProof}); the JSSE clients have
 * no peer host, so they never look a session up. By default X25519 for ours, SunJSSE and BCJSSE; the other stacks
 * and the hybrid group are parameters: {@code -p stack=tlsmachine,bcjsse,boringssl -p group=X25519MLKEM768,x25519}
 * (post-quantum, TLS 1.3 only for BoringSSL), {@code -p stack=tlsmachine_jsse -p group=X25519MLKEM768} (our engine
 * behind our JSSE provider, which negotiates only its default group).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class FullHandshakeBenchmark {

    @Param({"tlsmachine", "sunjsse", "bcjsse"})
    public String stack;

    @Param({"1.3", "1.2"})
    public String version;

    @Param({"ec", "rsa"})
    public String cert;

    @Param({"x25519"})
    public String group;

    private PairFactory factory;
    private HandshakeProof proof;

    @Setup(Level.Trial)
    public void setUp() {
        TestPki.Hierarchy pki = BenchPki.hierarchy(cert);
        BenchGroup chosen = BenchGroup.of(group);
        factory = new PairFactory(Stack.of(stack), version, pki, null, false, chosen);
        proof = new HandshakeProof(BenchPki.chainBytes(pki), chosen);
    }

    @Benchmark
    public ConnectionPair fullHandshake() {
        return proof.handshake(factory);
    }
}
