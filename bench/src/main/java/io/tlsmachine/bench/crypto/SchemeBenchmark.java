package io.tlsmachine.bench.crypto;

import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.CertificateVerifyContent;
import io.tlsmachine.impl.crypto.CryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the signature benchmarks share: a provider, a signature scheme with a fresh key pair of its kind, and a
 * TLS 1.3 server CertificateVerify content (SHA-256 transcript hash) to sign or verify.
 */
@State(Scope.Thread)
public abstract class SchemeBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"ECDSA_SECP256R1_SHA256", "ECDSA_SECP384R1_SHA384", "ECDSA_SECP521R1_SHA512",
            "RSA_PSS_RSAE_SHA256", "RSA_PSS_RSAE_SHA384", "RSA_PSS_RSAE_SHA512",
            "RSA_PSS_PSS_SHA256", "RSA_PSS_PSS_SHA384", "RSA_PSS_PSS_SHA512",
            "ED25519", "ED448", "RSA_PKCS1_SHA256", "RSA_PKCS1_SHA384", "RSA_PKCS1_SHA512"})
    public SignatureAlgorithm scheme;

    protected final byte[] content = CertificateVerifyContent.forServer(new byte[32]);
    protected CryptoProvider crypto;
    protected KeyPair keys;

    @Setup
    public void setUpScheme() throws GeneralSecurityException {
        crypto = BenchProviders.byName(provider);
        keys = SignatureKeyPairs.forScheme(scheme);
        prepare();
    }

    /** Prepares what one benchmark needs beyond the keys; runs at the end of the setup. */
    protected void prepare() {
    }
}
