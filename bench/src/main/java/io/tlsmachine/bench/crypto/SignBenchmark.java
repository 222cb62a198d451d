package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CertificateVerifyContent;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Signs a TLS 1.3 server CertificateVerify content (SHA-256 transcript hash). */
@State(Scope.Thread)
public class SignBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"ECDSA_SECP256R1_SHA256", "ECDSA_SECP384R1_SHA384", "ECDSA_SECP521R1_SHA512",
            "RSA_PSS_RSAE_SHA256", "RSA_PSS_RSAE_SHA384", "RSA_PSS_RSAE_SHA512",
            "RSA_PSS_PSS_SHA256", "RSA_PSS_PSS_SHA384", "RSA_PSS_PSS_SHA512",
            "ED25519", "ED448", "RSA_PKCS1_SHA256", "RSA_PKCS1_SHA384", "RSA_PKCS1_SHA512"})
    public SignatureAlgorithm scheme;

    private CryptoProvider crypto;
    private PrivateKey key;
    private final SecureRandom random = new SecureRandom();
    private final byte[] content = CertificateVerifyContent.forServer(new byte[32]);

    @Setup
    public void setUp() throws GeneralSecurityException {
        crypto = BenchProviders.byName(provider);
        key = SignatureKeyPairs.forScheme(scheme).getPrivate();
    }

    @Benchmark
    public byte[] sign() {
        return crypto.sign(scheme, key, content, random);
    }
}
