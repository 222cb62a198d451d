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
 * Resumed handshakes per second (TLS 1.3: PSK from a NewSessionTicket, psk_dhe_ke; TLS 1.2: RFC 5077 ticket, or
 * whatever the stack resumes with), ECDSA P-256 certificates. Each invocation proves it resumed: the server sent
 * at least half a chain fewer bytes than in the full handshake the trial began with, and (ours) both engines
 * report a resumed session. A stack that does not resume fails the trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class ResumedHandshakeBenchmark {

    @Param({"tlsmachine", "sunjsse", "bcjsse"})
    public String stack;

    @Param({"1.3", "1.2"})
    public String version;

    private PairFactory factory;
    private long resumedAtMost;

    @Setup(Level.Trial)
    public void setUp() {
        TestPki.Hierarchy pki = BenchPki.hierarchy("ec");
        factory = new PairFactory(Stack.of(stack), version, pki, null, true);
        ConnectionPair first = factory.newPair();
        first.handshake();
        int chainBytes = BenchPki.chainBytes(pki);
        if (first.serverHandshakeBytes() < chainBytes) {
            throw new IllegalStateException("the first handshake of the trial was not full");
        }
        resumedAtMost = first.serverHandshakeBytes() - chainBytes / 2;
    }

    @Benchmark
    public ConnectionPair resumedHandshake() {
        ConnectionPair pair = factory.newPair();
        pair.handshake();
        if (pair.serverHandshakeBytes() > resumedAtMost || !pair.reportsResumed().orElse(true)) {
            throw new IllegalStateException("not resumed: the server sent " + pair.serverHandshakeBytes()
                    + " bytes, a resumed handshake sends at most " + resumedAtMost);
        }
        return pair;
    }
}
