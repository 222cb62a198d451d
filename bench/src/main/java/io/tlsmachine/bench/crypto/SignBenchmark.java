package io.tlsmachine.bench.crypto;

import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Signs a TLS 1.3 server CertificateVerify content (SHA-256 transcript hash). */
@State(Scope.Thread)
public class SignBenchmark extends SchemeBenchmark {

    private final SecureRandom random = new SecureRandom();

    @Benchmark
    public byte[] sign() {
        return crypto.sign(scheme, keys.getPrivate(), content, random);
    }
}
