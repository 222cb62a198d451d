package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The TLS 1.2 server's RSA key transport: decrypt a 2048-bit EncryptedPreMasterSecret. */
@State(Scope.Thread)
public class RsaKeyTransportBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    private CryptoProvider crypto;
    private KeyPair rsa;
    private byte[] encrypted;
    private final byte[] fallback = new byte[48];

    @Setup
    public void setUp() throws GeneralSecurityException {
        crypto = BenchProviders.byName(provider);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        byte[] premaster = new byte[48];
        premaster[0] = 3;
        premaster[1] = 3;
        encrypted = crypto.rsaEncrypt(rsa.getPublic(), premaster, new SecureRandom());
    }

    @Benchmark
    public Secret decryptPremaster() {
        return crypto.rsaDecryptPremaster(rsa.getPrivate(), encrypted, fallback, 0x0303);
    }
}
