package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Verifies a TLS 1.3 server CertificateVerify signature (the client's cost per handshake). */
@State(Scope.Thread)
public class VerifyBenchmark extends SchemeBenchmark {

    private byte[] signature;

    /** Signs with the JDK's provider and checks that the provider under test verifies it. */
    @Override
    protected void prepare() {
        signature = CryptoProviders.jdk().sign(scheme, keys.getPrivate(), content, new SecureRandom());
        if (!crypto.verify(scheme, keys.getPublic(), content, signature)) {
            throw new IllegalStateException(provider + " does not verify " + scheme);
        }
    }

    @Benchmark
    public boolean verify() {
        return crypto.verify(scheme, keys.getPublic(), content, signature);
    }
}
