package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CertificateVerifyContent;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Verifies a TLS 1.3 server CertificateVerify signature (the client's cost per handshake). */
@State(Scope.Thread)
public class VerifyBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"ECDSA_SECP256R1_SHA256", "ECDSA_SECP384R1_SHA384", "ECDSA_SECP521R1_SHA512",
            "RSA_PSS_RSAE_SHA256", "RSA_PSS_RSAE_SHA384", "RSA_PSS_RSAE_SHA512",
            "RSA_PSS_PSS_SHA256", "RSA_PSS_PSS_SHA384", "RSA_PSS_PSS_SHA512",
            "ED25519", "ED448", "RSA_PKCS1_SHA256", "RSA_PKCS1_SHA384", "RSA_PKCS1_SHA512"})
    public SignatureAlgorithm scheme;

    private CryptoProvider crypto;
    private PublicKey key;
    private byte[] signature;
    private final byte[] content = CertificateVerifyContent.forServer(new byte[32]);

    @Setup
    public void setUp() throws GeneralSecurityException {
        crypto = BenchProviders.byName(provider);
        KeyPair pair = SignatureKeyPairs.forScheme(scheme);
        key = pair.getPublic();
        signature = CryptoProviders.jdk().sign(scheme, pair.getPrivate(), content, new SecureRandom());
        if (!crypto.verify(scheme, key, content, signature)) {
            throw new IllegalStateException(provider + " does not verify " + scheme);
        }
    }

    @Benchmark
    public boolean verify() {
        return crypto.verify(scheme, key, content, signature);
    }
}
