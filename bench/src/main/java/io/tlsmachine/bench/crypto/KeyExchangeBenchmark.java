package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One side of an ephemeral exchange: generate our key pair, then agree with the peer's share. */
@State(Scope.Thread)
public class KeyExchangeBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"X25519", "X448", "SECP256R1", "SECP384R1", "SECP521R1", "FFDHE2048", "FFDHE3072"})
    public KeyExchangeGroup group;

    private CryptoProvider crypto;
    private final SecureRandom random = new SecureRandom();
    private byte[] peerShare;

    @Setup
    public void setUp() {
        crypto = BenchProviders.byName(provider);
        peerShare = crypto.generateKeyExchange(group, random).publicShare();
    }

    @Benchmark
    public Secret generateAndAgree() throws javax.security.auth.DestroyFailedException {
        KeyExchange ours = crypto.generateKeyExchange(group, random);
        Secret shared = ours.agree(peerShare);
        ours.destroy();
        return shared;
    }
}
