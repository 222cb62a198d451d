package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.keyschedule.EarlySecret;
import io.tlsmachine.impl.keyschedule.HandshakeSecret;
import io.tlsmachine.impl.keyschedule.MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One full TLS 1.3 key schedule of a 1-RTT handshake without PSK (RFC 8446 §7.1): early, handshake and
 * master secrets, both handshake and application traffic secrets with their keys and IVs, both Finished
 * values, and the resumption master secret. Transcript hashes are fixed inputs (hashing is measured
 * by {@link DigestBenchmark}).
 */
@State(Scope.Thread)
public class KeyScheduleBenchmark {
    @Param({"jdk", "bc"})
    public String provider;

    @Param({"SHA256", "SHA384"})
    public HashAlgorithm hash;

    private Tls13Hkdf hkdf;
    private AeadAlgorithm aead;
    private byte[] sharedSecret;
    private byte[] transcriptHash;

    @Setup
    public void setUp() {
        CryptoProvider crypto = BenchProviders.byName(provider);
        hkdf = new Tls13Hkdf(crypto, hash);
        aead = hash == HashAlgorithm.SHA256 ? AeadAlgorithm.AES_128_GCM : AeadAlgorithm.AES_256_GCM;
        SplittableRandom random = new SplittableRandom(3);
        sharedSecret = new byte[32];
        random.nextBytes(sharedSecret);
        transcriptHash = new byte[hash.length()];
        random.nextBytes(transcriptHash);
    }

    @Benchmark
    public void tls13FullSchedule(Blackhole sink) {
        HandshakeSecret handshake = EarlySecret.withoutPsk(hkdf).toHandshakeSecret(Secret.copyOf(sharedSecret));
        TrafficSecret clientHandshake = handshake.clientHandshakeTrafficSecret(transcriptHash);
        TrafficSecret serverHandshake = handshake.serverHandshakeTrafficSecret(transcriptHash);
        sink.consume(clientHandshake.trafficKeys(aead));
        sink.consume(serverHandshake.trafficKeys(aead));
        sink.consume(serverHandshake.finishedVerifyData(transcriptHash));
        sink.consume(clientHandshake.finishedVerifyData(transcriptHash));
        MasterSecret master = handshake.toMasterSecret();
        sink.consume(master.clientApplicationTrafficSecret(transcriptHash).trafficKeys(aead));
        sink.consume(master.serverApplicationTrafficSecret(transcriptHash).trafficKeys(aead));
        sink.consume(master.resumptionMasterSecret(transcriptHash));
    }
}
