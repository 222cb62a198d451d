package io.tlsmachine.cli;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateIssuer;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.engine.TraceRecorder;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.TlsServer;
import io.tlsmachine.model.ProtocolVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs real handshakes between our client and our server over loopback sockets: TLS 1.3 (1-RTT,
 * HelloRetryRequest, client authentication, PSK resumption, 0-RTT) and TLS 1.2 (ECDHE, ticket resumption); prints each
 * side's model path and the negotiated parameters.
 */
final class LoopbackDemo {
    private static final String HOST = "localhost";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * One demo handshake: how the server and client are configured and what must come out; with {@code earlyData},
     * the client sends it as 0-RTT data, which the server must accept; with {@code group}, that group must be
     * negotiated.
     */
    private record Scenario(String title, UnaryOperator<TlsConfigBuilder> server, UnaryOperator<TlsConfigBuilder> client,
            ProtocolVersion version, boolean resumes, String earlyData, KeyExchangeGroup group) {
        Scenario(String title, UnaryOperator<TlsConfigBuilder> server, UnaryOperator<TlsConfigBuilder> client,
                ProtocolVersion version, boolean resumes) {
            this(title, server, client, version, resumes, null, null);
        }

        Scenario(String title, UnaryOperator<TlsConfigBuilder> server, UnaryOperator<TlsConfigBuilder> client,
                ProtocolVersion version, boolean resumes, String earlyData) {
            this(title, server, client, version, resumes, earlyData, null);
        }

        Scenario(String title, UnaryOperator<TlsConfigBuilder> server, UnaryOperator<TlsConfigBuilder> client,
                ProtocolVersion version, KeyExchangeGroup group) {
            this(title, server, client, version, false, null, group);
        }
    }

    /**
     * What one scenario came to: its title, what it negotiated (null when the handshake did not complete) and whether
     * it met its expectations.
     */
    record Outcome(String title, NegotiatedParameters negotiated, boolean passed) {
        /**
         * Returns the scenario's summary line: version, key exchange group (e.g. {@code x25519mlkem768}; none for a
         * TLS 1.2 abbreviated handshake, which exchanges no key), full or resumed, and the title.
         */
        String summaryLine() {
            if (negotiated == null) {
                return String.format("  %-6s %-18s %-8s %s", "-", "-", "FAILED", title);
            }
            String group = negotiated.group().map(g -> g.name().toLowerCase(Locale.ROOT)).orElse("(no exchange)");
            return String.format("  %-6s %-18s %-8s %s%s", negotiated.version(), group,
                    negotiated.resumed() ? "resumed" : "full", title, passed ? "" : "  FAILED");
        }
    }

    private final PrintWriter out;
    private final CertificateIssuer.Hierarchy serverPki;
    private final CertificateIssuer.Hierarchy clientPki;

    LoopbackDemo(PrintWriter out) {
        this.out = out;
        SecureRandom random = new SecureRandom();
        this.serverPki = new CertificateIssuer(random).hierarchy("tlsmachine demo", CertificateKeyType.EC_P256, HOST, Instant.now());
        this.clientPki = new CertificateIssuer(random).hierarchy("tlsmachine demo client", CertificateKeyType.EC_P256, "client",
                Instant.now());
    }

    /** Runs every scenario; returns their outcomes, in order. */
    List<Outcome> run() {
        TicketStore tickets13 = new TicketStore();
        TicketStore tickets12 = new TicketStore();
        TicketStore tickets0rtt = new TicketStore();
        List<Scenario> scenarios = List.of(
                new Scenario("TLS 1.3, 1-RTT (x25519, ECDSA P-256)", s -> s,
                        c -> c.versions(ProtocolVersion.TLS13).groups(KeyExchangeGroup.X25519), ProtocolVersion.TLS13,
                        KeyExchangeGroup.X25519),
                new Scenario("TLS 1.3, 1-RTT with the post-quantum hybrid X25519MLKEM768 (both sides' defaults)", s -> s,
                        c -> c.versions(ProtocolVersion.TLS13), ProtocolVersion.TLS13, KeyExchangeGroup.X25519MLKEM768),
                new Scenario("TLS 1.3, HelloRetryRequest (server wants secp256r1, client guessed x25519)",
                        s -> s.groups(KeyExchangeGroup.SECP256R1),
                        c -> c.versions(ProtocolVersion.TLS13).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                                .keyShareGroups(KeyExchangeGroup.X25519),
                        ProtocolVersion.TLS13, KeyExchangeGroup.SECP256R1),
                new Scenario("TLS 1.3, client authentication required",
                        s -> s.clientAuth(ClientAuthPolicy.REQUIRE)
                                .certificateVerifier(CertificateVerifier.pkix(clientPki.anchors())),
                        c -> c.versions(ProtocolVersion.TLS13).certifiedKey(clientPki.certifiedLeaf()),
                        ProtocolVersion.TLS13, false),
                new Scenario("TLS 1.3, full handshake that stores a ticket", s -> s.ticketsEnabled(true),
                        c -> c.versions(ProtocolVersion.TLS13).ticketStore(tickets13), ProtocolVersion.TLS13, false),
                new Scenario("TLS 1.3, PSK resumption (psk_dhe_ke) from that ticket", s -> s.ticketsEnabled(true),
                        c -> c.versions(ProtocolVersion.TLS13).ticketStore(tickets13), ProtocolVersion.TLS13, true),
                new Scenario("TLS 1.3, full handshake that stores a ticket allowing 0-RTT data",
                        s -> s.ticketsEnabled(true).maxEarlyDataSize(1 << 14),
                        c -> c.versions(ProtocolVersion.TLS13).ticketStore(tickets0rtt), ProtocolVersion.TLS13, false),
                new Scenario("TLS 1.3, 0-RTT: early data with the ClientHello on that ticket (RFC 8446 §2.3)",
                        s -> s.ticketsEnabled(true).maxEarlyDataSize(1 << 14),
                        c -> c.versions(ProtocolVersion.TLS13).ticketStore(tickets0rtt), ProtocolVersion.TLS13, true,
                        "early hello"),
                new Scenario("TLS 1.2, ECDHE_ECDSA with extended master secret", s -> s,
                        c -> c.versions(ProtocolVersion.TLS12), ProtocolVersion.TLS12, false),
                new Scenario("TLS 1.2, full handshake that stores a ticket (RFC 5077)", s -> s.ticketsEnabled(true),
                        c -> c.versions(ProtocolVersion.TLS12).ticketStore(tickets12), ProtocolVersion.TLS12, false),
                new Scenario("TLS 1.2, abbreviated handshake from that ticket", s -> s.ticketsEnabled(true),
                        c -> c.versions(ProtocolVersion.TLS12).ticketStore(tickets12), ProtocolVersion.TLS12, true));
        byte[] ticketKey = new byte[32];
        new SecureRandom().nextBytes(ticketKey);
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            TlsConfig server = scenario.server().apply(TlsConfig.builder().certifiedKey(serverPki.certifiedLeaf())
                    .ticketKey(ticketKey)).build();
            TlsConfig client = scenario.client().apply(TlsConfig.builder().serverName(HOST)
                    .certificateVerifier(CertificateVerifier.pkix(serverPki.anchors()))).build();
            outcomes.add(runOne(scenario, server, client));
        }
        return outcomes;
    }

    private Outcome runOne(Scenario scenario, TlsConfig serverConfig, TlsConfig clientConfig) {
        out.println("-- " + scenario.title());
        TraceRecorder serverPath = new TraceRecorder();
        CompletableFuture<Exception> serverEnd = new CompletableFuture<>();
        TlsServer.Observer observer = new TlsServer.Observer() {
            @Override
            public void accepted(TlsEngine engine) {
                engine.addTransitionListener(serverPath);
            }

            @Override
            public void finished(TlsEngine engine, Exception failure) {
                serverEnd.complete(failure);
            }
        };
        TlsServer.Limits limits = new TlsServer.Limits(1, 1, TIMEOUT, TIMEOUT);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (TlsServer server = TlsServer.start(loopback, serverConfig, LoopbackDemo::echoOnce, observer, limits)) {
            TraceRecorder clientPath = new TraceRecorder();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            String reply;
            NegotiatedParameters negotiated;
            byte[] early = scenario.earlyData() == null ? null : scenario.earlyData().getBytes(StandardCharsets.UTF_8);
            EarlyDataStatus earlyStatus;
            try (TlsConnection connection = TlsClient.connect(address, clientConfig, clientPath, TIMEOUT, early)) {
                negotiated = connection.engine().negotiated().orElseThrow();
                earlyStatus = connection.engine().earlyDataStatus();
                connection.write(("hello over " + negotiated.version()).getBytes(StandardCharsets.UTF_8));
                reply = new String(connection.read(), StandardCharsets.UTF_8);
                // Read on until the server's close_notify (TLS 1.3 tickets may arrive first).
                connection.readAll(1 << 16);
            }
            Exception serverFailure = serverEnd.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("   negotiated: " + negotiated);
            out.println("   client path: " + clientPath.path());
            out.println("   server path: " + serverPath.path());
            out.println("   echoed: \"" + reply + "\"");
            if (early != null) {
                out.println("   early data: " + earlyStatus);
            }
            boolean ok = serverFailure == null && negotiated.version() == scenario.version()
                    && negotiated.resumed() == scenario.resumes() && reply.contains("hello over")
                    && (scenario.group() == null || negotiated.group().equals(Optional.of(scenario.group())))
                    && (early == null || (earlyStatus == EarlyDataStatus.ACCEPTED
                            && reply.startsWith("0-RTT \"" + scenario.earlyData() + "\", then ")));
            if (!ok) {
                out.println("   FAILED: expected " + scenario.version() + (scenario.resumes() ? " resumed" : " full")
                        + (scenario.group() == null ? "" : " with " + scenario.group().name())
                        + (early == null ? "" : " with accepted early data")
                        + (serverFailure == null ? "" : "; server: " + serverFailure.getMessage()));
            }
            return new Outcome(scenario.title(), negotiated, ok);
        } catch (Exception e) {
            out.println("   FAILED: " + e.getMessage());
            return new Outcome(scenario.title(), null, false);
        }
    }

    /** Echoes the first application data, after any 0-RTT data (RFC 8446 §4.2.10), which it names. */
    private static void echoOnce(TlsConnection connection) throws IOException {
        byte[] early = connection.engine().readEarlyData();
        byte[] data = connection.read();
        if (early.length > 0) {
            String prefix = "0-RTT \"" + new String(early, StandardCharsets.UTF_8) + "\", then ";
            data = (prefix + new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        connection.write(data);
    }
}
