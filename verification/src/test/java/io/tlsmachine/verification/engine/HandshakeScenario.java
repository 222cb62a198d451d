package io.tlsmachine.verification.engine;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.EnginePump;
import io.tlsmachine.testkit.TestPki;
import io.tlsmachine.ApiInternals;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Names one handshake type the engine supports (version, key exchange, authentication, resumption, 0-RTT) and builds
 * fresh, deterministic client and server configurations for it, so any run of it can be replayed byte for byte.
 *
 * @param resumes whether a first connection must run before the measured one (its ticket or session is resumed)
 * @param zeroRtt whether the client of the measured connection offers early data, and whether its ticket was used
 * @param measuredServer applied on top of {@code server} for the measured connection only (the first connection
 *     that issued the ticket keeps {@code server}): e.g. a server that no longer accepts early data
 */
record HandshakeScenario(String name, ProtocolVersion version, boolean resumes, UnaryOperator<TlsConfigBuilder> client,
        UnaryOperator<TlsConfigBuilder> server, ZeroRtt zeroRtt, UnaryOperator<TlsConfigBuilder> measuredServer) {

    /** What the client of the measured connection does about 0-RTT (RFC 8446 §2.3, §4.2.10). */
    enum ZeroRtt {
        /** No early data. */
        NONE,
        /** Offers early data with a ticket used once. */
        OFFERED,
        /**
         * Offers early data with a ticket whose first flight with early data the server has already seen (RFC 8446
         * §8.1 single-use tickets): an intermediate connection used the same ticket first.
         */
        OFFERED_WITH_REPLAYED_TICKET
    }

    static final String HOST = "server.test";
    /** The early data a 0-RTT client offers. */
    static final byte[] EARLY_DATA = "early data, safe to replay".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.now();
    static final TestPki.Hierarchy EC = new TestPki(seeded(1)).hierarchy("Lockstep EC", CertificateKeyType.EC_P256, HOST, NOW);
    static final TestPki.Hierarchy RSA = new TestPki(seeded(2)).hierarchy("Lockstep RSA", CertificateKeyType.RSA_2048, HOST,
            NOW);

    /** A scenario without 0-RTT whose measured connection uses the same server configuration as the first. */
    HandshakeScenario(String name, ProtocolVersion version, boolean resumes, UnaryOperator<TlsConfigBuilder> client,
            UnaryOperator<TlsConfigBuilder> server) {
        this(name, version, resumes, client, server, ZeroRtt.NONE, b -> b);
    }

    /** Names of the sample of {@link ScenarioCatalogue#everyType()} the default test run plays in full. */
    private static final List<String> SAMPLE = List.of(
            "TLS 1.3 full",
            "TLS 1.3 full, RSA-PSS server certificate",
            "TLS 1.3 full, HelloRetryRequest",
            "TLS 1.3 full, no middlebox compatibility",
            "TLS 1.3 full, client certificate",
            "TLS 1.3 full, empty client certificate",
            "TLS 1.3 full, HelloRetryRequest, client certificate",
            "TLS 1.3 resumption psk_dhe_ke",
            "TLS 1.3 resumption psk_ke",
            "TLS 1.3 resumption psk_dhe_ke, HelloRetryRequest",
            "TLS 1.3 resumption psk_dhe_ke, no new ticket",
            "TLS 1.3 0-RTT accepted, psk_dhe_ke, no new ticket",
            "TLS 1.3 0-RTT accepted, psk_dhe_ke",
            "TLS 1.3 0-RTT accepted, psk_ke, no middlebox compatibility",
            "TLS 1.3 0-RTT rejected by server configuration, psk_dhe_ke",
            "TLS 1.3 0-RTT rejected by HelloRetryRequest, psk_dhe_ke",
            "TLS 1.2 full",
            "TLS 1.2 full, ECDHE-RSA",
            "TLS 1.2 full, DHE-RSA",
            "TLS 1.2 full, RSA key transport",
            "TLS 1.2 full, client certificate",
            "TLS 1.2 full, empty client certificate",
            "TLS 1.2 full, ticket issued",
            "TLS 1.2 resumption by ticket",
            "TLS 1.2 resumption by session ID");

    /**
     * A sample of the handshake types of both versions (one of each key exchange, authentication and resumption kind,
     * 0-RTT accepted and rejected), taken by name from {@link ScenarioCatalogue#everyType()}: the scenarios the
     * default test run plays in full; the first is the plain TLS 1.3 full handshake.
     */
    static List<HandshakeScenario> all() {
        java.util.Map<String, HandshakeScenario> byName = new java.util.LinkedHashMap<>();
        ScenarioCatalogue.everyType().forEach(s -> byName.put(s.name(), s));
        return SAMPLE.stream().map(n -> java.util.Objects.requireNonNull(byName.get(n), n)).toList();
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
        TicketStore tickets = new TicketStore();
        TlsConfigBuilder c = TlsConfig.builder().serverName(HOST).certificateVerifier(CertificateVerifier.pkix(EC.anchors()))
                .random(seeded(11)).clock(clock).ticketStore(tickets).keyLog(log);
        TlsConfigBuilder s = TlsConfig.builder().certifiedKey(EC.certifiedLeaf()).random(seeded(12)).clock(clock).keyLog(log);
        TlsConfig first = server.apply(s).build();
        return new Configs(client.apply(c).build(), measuredServer.apply(first.toBuilder()).build(), first, log, tickets,
                zeroRtt != ZeroRtt.NONE);
    }

    /**
     * The configurations of one run; for a resuming scenario the first connection has already been made. Both
     * sides log their secrets to {@code log}, so deviants can be sealed under the keys the engine under test reads
     * with.
     *
     * @param server the server configuration of the measured connection
     * @param firstServer the server configuration of the first connection (that issued the resumed ticket)
     * @param earlyData whether the measured connection's client offers {@link #EARLY_DATA}
     */
    record Configs(TlsConfig client, TlsConfig server, TlsConfig firstServer, ReadKeys.Recorder log, TicketStore tickets,
            boolean earlyData) {

        /** A fresh engine of the measured connection in {@code role}; a 0-RTT client has offered its early data. */
        TlsEngine engine(Role role, MachineKind kind) {
            if (role == Role.SERVER) {
                return TlsEngine.server(server, kind);
            }
            TlsEngine engine = TlsEngine.client(client, kind);
            if (earlyData) {
                engine.offerEarlyData(EARLY_DATA);
            }
            return engine;
        }
    }

    private static void connect(String name, TlsEngine c, TlsEngine s) {
        c.beginHandshake();
        EnginePump.exchange(c, s);
        if (!c.isHandshakeComplete() || !s.isHandshakeComplete()) {
            throw new IllegalStateException(name + ": a connection before the measured one did not complete: " + c.failure()
                    + " " + s.failure());
        }
    }

    /**
     * Builds fresh configurations and, for a resuming scenario, makes the first connection on {@code kind}; for a
     * replayed ticket, also an intermediate connection with early data on the same ticket (RFC 8446 §8.1).
     */
    Configs prepared(MachineKind kind) {
        Configs configs = configs();
        if (resumes) {
            connect(name, TlsEngine.client(configs.client(), kind), TlsEngine.server(configs.firstServer(), kind));
            if (zeroRtt == ZeroRtt.OFFERED_WITH_REPLAYED_TICKET) {
                var tickets = ApiInternals.tickets(configs.tickets());
                var ticket = tickets.take(HOST).orElseThrow();
                tickets.put(ticket);
                connect(name, configs.engine(Role.CLIENT, kind), configs.engine(Role.SERVER, kind));
                tickets.put(ticket);
            }
        }
        return configs;
    }

    @Override
    public String toString() {
        return name;
    }
}
