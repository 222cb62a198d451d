package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import java.security.SecureRandom;
import javax.security.auth.DestroyFailedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Both sides of a KEM group, since a client's share cannot be answered ahead of time: the client generates, the
 * server encapsulates to its share (agree), the client decapsulates the server's share. The pure MLKEM768 and
 * MLKEM1024 rows compare the two ML-KEM paths alone (jdk = the JCA API over Bouncy Castle's JCA provider,
 * bc = Bouncy Castle's lightweight classes); the hybrid rows add each provider's classical group.
 */
@State(Scope.Thread)
public class KemExchangeBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"X25519MLKEM768", "SECP256R1MLKEM768", "SECP384R1MLKEM1024", "MLKEM768", "MLKEM1024"})
    public KeyExchangeGroup group;

    private final SecureRandom random = new SecureRandom();

    @Benchmark
    public Secret generateEncapsulateDecapsulate() throws DestroyFailedException {
        CryptoProvider crypto = BenchProviders.byName(provider);
        KeyExchange client = crypto.generateKeyExchange(group, random);
        KeyExchange server = crypto.respondKeyExchange(group, random);
        Secret serverSecret = server.agree(client.publicShare());
        Secret clientSecret = client.agree(server.publicShare());
        server.destroy();
        client.destroy();
        serverSecret.destroy();
        return clientSecret;
    }
}
