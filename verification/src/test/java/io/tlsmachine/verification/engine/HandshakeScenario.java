package io.tlsmachine.verification.engine;

import io.tlsmachine.impl.certificate.CertificateVerifier;
import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.impl.codec.types.PskKeyExchangeMode;
import io.tlsmachine.impl.config.ClientAuthPolicy;
import io.tlsmachine.impl.config.ServerSessionCache;
import io.tlsmachine.impl.config.TicketStore;
import io.tlsmachine.impl.config.TlsConfig;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.cert.CertificateKeyType;
import io.tlsmachine.impl.crypto.cert.TestPki;
import io.tlsmachine.impl.engine.EnginePump;
import io.tlsmachine.impl.engine.MachineKind;
import io.tlsmachine.impl.engine.TlsEngine;
import io.tlsmachine.model.ProtocolVersion;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Names one handshake type the engine supports (version, key exchange, authentication, resumption) and builds fresh,
 * deterministic client and server configurations for it, so any run of it can be replayed byte for byte.
 *
 * @param resumes whether a first connection must run before the measured one (its ticket or session is resumed)
 */
record HandshakeScenario(String name, ProtocolVersion version, boolean resumes, UnaryOperator<TlsConfig.Builder> client,
        UnaryOperator<TlsConfig.Builder> server) {

    static final String HOST = "server.test";
    private static final Instant NOW = Instant.now();
    static final TestPki.Hierarchy EC = new TestPki(seeded(1)).hierarchy("Lockstep EC", CertificateKeyType.EC_P256, HOST, NOW);
    static final TestPki.Hierarchy RSA = new TestPki(seeded(2)).hierarchy("Lockstep RSA", CertificateKeyType.RSA_2048, HOST,
            NOW);

    /** Every handshake type of both versions the engine completes today. */
    static List<HandshakeScenario> all() {
        UnaryOperator<TlsConfig.Builder> same = b -> b;
        UnaryOperator<TlsConfig.Builder> tls12 = b -> b.versions(ProtocolVersion.TLS12);
        UnaryOperator<TlsConfig.Builder> clientCert = b -> b.certifiedKey(RSA.certifiedLeaf());
        UnaryOperator<TlsConfig.Builder> requireClientCert = b -> b.clientAuth(ClientAuthPolicy.REQUIRE)
                .certificateVerifier(CertificateVerifier.pkix(RSA.anchors()));
        UnaryOperator<TlsConfig.Builder> trustRsa = b -> b.certificateVerifier(CertificateVerifier.pkix(RSA.anchors()));
        UnaryOperator<TlsConfig.Builder> tickets = b -> b.ticketsEnabled(true);
        return List.of(
                new HandshakeScenario("TLS 1.3 full (ECDHE, ECDSA)", ProtocolVersion.TLS13, false, same, same),
                new HandshakeScenario("TLS 1.3 full (ECDHE, RSA-PSS)", ProtocolVersion.TLS13, false, trustRsa, b -> b.certifiedKey(
                        RSA.certifiedLeaf())),
                new HandshakeScenario("TLS 1.3 HelloRetryRequest", ProtocolVersion.TLS13, false,
                        b -> b.keyShareGroups(KeyExchangeGroup.X25519), b -> b.groups(KeyExchangeGroup.SECP256R1)),
                new HandshakeScenario("TLS 1.3 without middlebox compatibility", ProtocolVersion.TLS13, false,
                        b -> b.middleboxCompatibility(false), same),
                new HandshakeScenario("TLS 1.3 client certificate", ProtocolVersion.TLS13, false, clientCert,
                        requireClientCert),
                new HandshakeScenario("TLS 1.3 empty client certificate", ProtocolVersion.TLS13, false, same,
                        b -> b.clientAuth(ClientAuthPolicy.REQUEST)),
                new HandshakeScenario("TLS 1.3 client certificate after HelloRetryRequest", ProtocolVersion.TLS13, false,
                        b -> clientCert.apply(b).keyShareGroups(KeyExchangeGroup.X25519),
                        b -> requireClientCert.apply(b).groups(KeyExchangeGroup.SECP256R1)),
                new HandshakeScenario("TLS 1.3 resumption psk_dhe_ke", ProtocolVersion.TLS13, true, same, tickets),
                new HandshakeScenario("TLS 1.3 resumption psk_ke", ProtocolVersion.TLS13, true,
                        b -> b.pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE),
                        b -> b.ticketsEnabled(true).pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE)),
                new HandshakeScenario("TLS 1.3 resumption after HelloRetryRequest", ProtocolVersion.TLS13, true,
                        b -> b.groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).keyShareGroups(KeyExchangeGroup.X25519),
                        b -> b.ticketsEnabled(true).groups(KeyExchangeGroup.SECP256R1)),
                new HandshakeScenario("TLS 1.2 full (ECDHE, ECDSA)", ProtocolVersion.TLS12, false, tls12, same),
                new HandshakeScenario("TLS 1.2 full (ECDHE, RSA)", ProtocolVersion.TLS12, false, b -> trustRsa.apply(tls12.apply(b)), b -> b.certifiedKey(
                        RSA.certifiedLeaf()).cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)),
                new HandshakeScenario("TLS 1.2 full (DHE, RSA)", ProtocolVersion.TLS12, false, b -> trustRsa.apply(tls12.apply(b))
                        .cipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256), b -> b.certifiedKey(RSA.certifiedLeaf())
                        .cipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)),
                new HandshakeScenario("TLS 1.2 full (RSA key transport)", ProtocolVersion.TLS12, false, b -> trustRsa.apply(tls12.apply(b))
                        .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256), b -> b.certifiedKey(RSA.certifiedLeaf())
                        .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)),
                new HandshakeScenario("TLS 1.2 client certificate", ProtocolVersion.TLS12, false,
                        b -> b.versions(ProtocolVersion.TLS12).certifiedKey(RSA.certifiedLeaf()), requireClientCert),
                new HandshakeScenario("TLS 1.2 empty client certificate", ProtocolVersion.TLS12, false, tls12,
                        b -> b.clientAuth(ClientAuthPolicy.REQUEST)),
                new HandshakeScenario("TLS 1.2 full issuing a ticket", ProtocolVersion.TLS12, false, tls12, tickets),
                new HandshakeScenario("TLS 1.2 resumption by ticket", ProtocolVersion.TLS12, true, tls12, tickets),
                new HandshakeScenario("TLS 1.2 resumption by session ID", ProtocolVersion.TLS12, true, tls12,
                        b -> b.sessionCache(new ServerSessionCache(8))));
    }

    /** Returns a deterministic generator: SHA1PRNG seeded before first use never mixes in system entropy. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds fresh configurations (new randomness, stores and caches) that every run of this scenario starts from. */
    Configs configs() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReadKeys.Recorder log = new ReadKeys.Recorder();
        TlsConfig.Builder c = TlsConfig.builder().serverName(HOST).certificateVerifier(CertificateVerifier.pkix(EC.anchors()))
                .random(seeded(11)).clock(clock).ticketStore(new TicketStore()).keyLog(log);
        TlsConfig.Builder s = TlsConfig.builder().certifiedKey(EC.certifiedLeaf()).random(seeded(12)).clock(clock).keyLog(log);
        return new Configs(client.apply(c).build(), server.apply(s).build(), log);
    }

    /**
     * The two configurations of one run; for a resuming scenario the first connection has already been made. Both
     * log their secrets to {@code log}, so deviants can be sealed under the keys the engine under test reads with.
     */
    record Configs(TlsConfig client, TlsConfig server, ReadKeys.Recorder log) {

        TlsEngine engine(Role role, MachineKind kind) {
            return role == Role.CLIENT ? TlsEngine.client(client, kind) : TlsEngine.server(server, kind);
        }
    }

    /** Builds fresh configurations and, for a resuming scenario, makes the first connection on {@code kind}. */
    Configs prepared(MachineKind kind) {
        Configs configs = configs();
        if (resumes) {
            TlsEngine c = configs.engine(Role.CLIENT, kind);
            TlsEngine s = configs.engine(Role.SERVER, kind);
            c.beginHandshake();
            EnginePump.exchange(c, s);
            if (!c.isHandshakeComplete() || !s.isHandshakeComplete()) {
                throw new IllegalStateException(name + ": the first connection did not complete: " + c.failure() + " "
                        + s.failure());
            }
        }
        return configs;
    }

    @Override
    public String toString() {
        return name;
    }
}
