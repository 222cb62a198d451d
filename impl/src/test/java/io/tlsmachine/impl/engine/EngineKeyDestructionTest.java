package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.ApiInternals;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that a connection that has ended (closed or failed) leaves no record key alive. */
class EngineKeyDestructionTest {

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void closedConnectionsDestroyEveryRecordKeyTheyMade(ProtocolVersion version) {
        RecordingProvider clientCrypto = new RecordingProvider();
        RecordingProvider serverCrypto = new RecordingProvider();
        EngineFixtures.Pair pair = pair(version, clientCrypto, serverCrypto).handshake();
        pair.client.writeApplicationData("ping".getBytes(StandardCharsets.US_ASCII));
        pair.server.writeApplicationData("pong".getBytes(StandardCharsets.US_ASCII));
        pair.pump();
        assertThat(clientCrypto.aeads).as("the connection used record keys").isNotEmpty();
        assertThat(clientCrypto.aeads).as("alive while connected").anyMatch(aead -> !aead.isDestroyed());
        pair.client.close();
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(clientCrypto.aeads).allMatch(Aead::isDestroyed);
        assertThat(serverCrypto.aeads).allMatch(Aead::isDestroyed);
        pair.assertTracesArePathsOfTheModel();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void failedConnectionsDestroyEveryRecordKeyTheyMade(ProtocolVersion version) {
        RecordingProvider clientCrypto = new RecordingProvider();
        RecordingProvider serverCrypto = new RecordingProvider();
        EngineFixtures.Pair pair = pair(version, clientCrypto, serverCrypto).handshake();
        pair.client.writeApplicationData("ping".getBytes(StandardCharsets.US_ASCII));
        byte[] record = pair.client.drainOutbound();
        record[record.length - 1] ^= 1;
        pair.server.feed(record);
        assertThat(pair.server.isFailed()).isTrue();
        assertThat(serverCrypto.aeads).isNotEmpty().allMatch(Aead::isDestroyed);
        pair.assertTracesArePathsOfTheModel();
    }

    private static EngineFixtures.Pair pair(ProtocolVersion version, CryptoProvider client, CryptoProvider server) {
        TlsConfig clientConfig = ApiInternals.cryptoProvider(EngineFixtures.client(EC).versions(version), client).build();
        TlsConfig serverConfig = ApiInternals.cryptoProvider(EngineFixtures.server(EC).versions(version), server).build();
        return new EngineFixtures.Pair(clientConfig, serverConfig);
    }

    /** Delegates to the fastest provider and remembers every AEAD it keyed. */
    private static final class RecordingProvider implements CryptoProvider {
        private final CryptoProvider delegate = CryptoProviders.fastest();
        final List<Aead> aeads = new ArrayList<>();

        @Override
        public String name() {
            return "recording " + delegate.name();
        }

        @Override
        public Digest digest(HashAlgorithm hash) {
            return delegate.digest(hash);
        }

        @Override
        public byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data) {
            return delegate.hmac(hash, key, data);
        }

        @Override
        public Aead aead(AeadAlgorithm algorithm, Secret key) {
            Aead aead = delegate.aead(algorithm, key);
            aeads.add(aead);
            return aead;
        }

        @Override
        public KeyExchange generateKeyExchange(KeyExchangeGroup group, SecureRandom random) {
            return delegate.generateKeyExchange(group, random);
        }

        @Override
        public KeyExchange respondKeyExchange(KeyExchangeGroup group, SecureRandom random) {
            return delegate.respondKeyExchange(group, random);
        }

        @Override
        public KeyExchange keyExchangeFromPrivate(KeyExchangeGroup group, byte[] privateKey) {
            return delegate.keyExchangeFromPrivate(group, privateKey);
        }

        @Override
        public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
            return delegate.sign(algorithm, key, data, random);
        }

        @Override
        public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
            return delegate.verify(algorithm, key, data, signature);
        }

        @Override
        public byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random) {
            return delegate.rsaEncrypt(key, premaster, random);
        }

        @Override
        public Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
            return delegate.rsaDecryptPremaster(key, encrypted, fallback, expectedVersion);
        }
    }
}
