package io.tlsmachine.cli;

import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.impl.certificate.issuing.SelfSignedCertificates;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.engine.TraceRecorder;
import io.tlsmachine.NioLimits;
import io.tlsmachine.TlsChunkHandler;
import io.tlsmachine.TlsNioServer;
import io.tlsmachine.TlsServer;
import io.tlsmachine.TlsSession;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves TLS on a loopback (or given) address: an HTTP page of what was negotiated ({@code --www}) or an echo. */
@Command(name = "server", mixinStandardHelpOptions = true, version = TlsMachineCli.VERSION,
        description = {"Run a TLS server driven by the model.",
                "Without --cert/--key it generates a self-signed localhost certificate; its key is written to a new "
                + "temporary folder readable only by you (tlsmachine-server-*) and deleted when the server exits."})
final class ServerCommand implements Callable<Integer> {
    /** Largest HTTP request head read by --www before answering. */
    private static final int MAX_REQUEST = 16 * 1024;

    /** What the server does with a connection after the handshake. */
    static final class Mode {
        @Option(names = "--www", description = "answer an HTTP request with a page of the negotiated parameters")
        boolean www;

        @Option(names = "--echo", description = "echo application data back (the default)")
        boolean echo;
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonTlsOptions tls;

    @ArgGroup(exclusive = true)
    private Mode mode = new Mode();

    @Option(names = "--port", required = true, description = "TCP port (0: any free port)")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host;

    /** Whether the server asks for a client certificate. */
    enum ClientAuthChoice { none, request, require }

    @Option(names = "--client-auth", defaultValue = "none",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private ClientAuthChoice clientAuth;

    @Option(names = "--trust", description = "trust anchors (PEM) for client certificates")
    private Path trust;

    @Mixin
    private ServerSessionOptions sessions;

    @Option(names = "--max-early-data", defaultValue = "0",
            description = "TLS 1.3 0-RTT: tickets allow this many bytes of early data, which is accepted (0: off)")
    private long maxEarlyData;

    @Option(names = "--exit-after", defaultValue = "0", description = "exit after this many connections (0: never)")
    private int exitAfter;

    @Option(names = "--max-connections", defaultValue = "4096",
            description = "connections open at once; more are closed at once (default: ${DEFAULT-VALUE})")
    private int maxConnections;

    @Option(names = "--handshake-timeout", defaultValue = "10",
            description = "seconds a handshake may take before the socket is closed (default: ${DEFAULT-VALUE})")
    private long handshakeTimeout;

    @Option(names = "--idle-timeout", defaultValue = "60",
            description = "seconds without traffic after the handshake before close_notify (default: ${DEFAULT-VALUE})")
    private long idleTimeout;
    /** The temporary folder of the generated certificate and key (deleted on exit), or null. */
    private Path generatedFolder;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TlsConfigBuilder builder = configuration();
        InetSocketAddress address = new InetSocketAddress(host, port);
        checkFree(address);
        if (tls.ourCredentials().isEmpty()) {
            builder.certifiedKey(selfSigned(out));
        }
        TlsConfig config = builder.build();
        Map<TlsEngine, TraceRecorder> paths = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(exitAfter > 0 ? exitAfter : 1);
        TlsServer.Observer observer = new TlsServer.Observer() {
            @Override
            public void accepted(TlsEngine engine) {
                TraceRecorder path = new TraceRecorder();
                paths.put(engine, path);
                engine.addTransitionListener(path).addTransitionListener(tls.tracer("server", System.err, engine));
            }

            @Override
            public void finished(TlsEngine engine, Exception failure) {
                TraceRecorder path = paths.remove(engine);
                System.err.println("connection " + (failure == null ? "done" : "failed: " + why(engine, failure))
                        + "; model path: " + (path == null ? "" : path.path()));
                if (exitAfter > 0) {
                    done.countDown();
                }
            }
        };
        TlsChunkHandler handler = mode.www ? new Www(paths) : new Echo();
        NioLimits limits = NioLimits.defaults().withMaxConnections(maxConnections)
                .withTimeouts(Duration.ofSeconds(handshakeTimeout), Duration.ofSeconds(idleTimeout));
        try (TlsNioServer server = start(address, config, handler, observer, limits)) {
            out.println("tlsmachine server listening on " + host + ":" + server.port()
                    + (mode.www ? " (www)" : " (echo)"));
            out.flush();
            done.await();
        } finally {
            if (generatedFolder != null) {
                PrivateFolder.delete(generatedFolder);
            }
        }
        return 0;
    }

    /** The configuration the options give, without the generated certificate (added when there is no --cert). */
    TlsConfigBuilder configuration() {
        TlsConfigBuilder builder = sessions.apply(tls.apply(TlsConfig.builder())).maxEarlyDataSize(maxEarlyData);
        builder.clientAuth(ClientAuthPolicy.valueOf(clientAuth.name().toUpperCase(java.util.Locale.ROOT)));
        if (trust != null) {
            builder.certificateVerifier(CertificateVerifier.pkix(
                    TrustAnchors.fromPem(PemFiles.check(trust, PemFiles.Content.CERTIFICATES))));
        }
        if (trust == null && clientAuth != ClientAuthChoice.none) {
            spec.commandLine().getErr().println("tlsmachine: warning: --client-auth " + clientAuth + " without --trust: "
                    + "client certificates are checked against the JDK's trust store (javax.net.ssl.trustStore, else jssecacerts or cacerts)");
        }
        return builder;
    }

    /** Says why a connection failed: the alert the client sent, or what we refused (no enum names). */
    private static String why(TlsEngine engine, Exception failure) {
        boolean peerAlert = engine.failure().map(f -> f.reason() == Reason.PEER_SENT_FATAL_ALERT).orElse(false);
        if (peerAlert && engine.receivedAlert().isPresent()) {
            AlertDescription alert = engine.receivedAlert().get().description();
            return "the client sent fatal alert " + alert.name() + " (" + alert.code() + ")";
        }
        return FailureReport.describe(failure).getMessage();
    }

    /** Fails with one line when {@code address} cannot be bound, before any certificate is generated. */
    private static void checkFree(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new CliFailure(ExitStatus.NETWORK, "unknown host: " + address.getHostString());
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            throw inUse(address, e);
        }
    }

    private static TlsNioServer start(InetSocketAddress address, TlsConfig config, TlsChunkHandler handler,
            TlsServer.Observer observer, NioLimits limits) throws IOException {
        try {
            return TlsNioServer.start(address, config, handler, observer, limits);
        } catch (BindException e) {
            throw inUse(address, e);
        }
    }

    private static CliFailure inUse(InetSocketAddress address, IOException e) {
        String where = address.getHostString() + ":" + address.getPort();
        return new CliFailure(ExitStatus.NETWORK, e instanceof BindException && String.valueOf(e.getMessage())
                .toLowerCase(java.util.Locale.ROOT).contains("in use") ? where + " is already in use"
                : "cannot listen on " + where + ": " + FailureReport.joinedMessages(e), e);
    }

    private CertifiedKey selfSigned(PrintWriter out) throws IOException {
        CertifiedKey generated = SelfSignedCertificates.localhost(Duration.ofDays(30), Clock.systemUTC(),
                new SecureRandom());
        Path folder = PrivateFolder.create("tlsmachine-server-");
        generatedFolder = folder;
        Path certificate = folder.resolve("localhost.crt.pem");
        Path key = folder.resolve("localhost.key.pem");
        SelfSignedCertificates.writePem(generated, certificate, key);
        out.println("no --cert given: generated a self-signed ECDSA P-256 certificate for localhost and 127.0.0.1");
        out.println("  certificate: " + certificate);
        out.println("  key:         " + key);
        return generated;
    }

    /** Echoes everything received, 0-RTT data first (RFC 8446 §4.2.10). */
    private static final class Echo implements TlsChunkHandler {
        @Override
        public void connected(TlsSession session) {
            byte[] early = session.engine().readEarlyData();
            if (early.length > 0) {
                session.write(early);
            }
        }

        @Override
        public void received(TlsSession session, ByteBuffer chunk) {
            session.write(chunk);
        }
    }

    /** Reads an HTTP request head (to the blank line) and answers with a text page, like {@code s_server -www}. */
    private static final class Www implements TlsChunkHandler {
        private final Map<TlsEngine, TraceRecorder> paths;
        private final Map<TlsSession, Request> requests = new ConcurrentHashMap<>();

        /** A request head being received, and how many of its bytes came as 0-RTT data. */
        private record Request(ByteArrayOutputStream bytes, int earlyBytes) {
        }

        Www(Map<TlsEngine, TraceRecorder> paths) {
            this.paths = paths;
        }

        @Override
        public void connected(TlsSession session) {
            // RFC 8446 §2.3: the request may have come (in part) as 0-RTT data.
            byte[] early = session.engine().readEarlyData();
            Request request = new Request(new ByteArrayOutputStream(), early.length);
            request.bytes().writeBytes(early);
            requests.put(session, request);
            answerWhenComplete(session, request);
        }

        @Override
        public void received(TlsSession session, ByteBuffer chunk) {
            Request request = requests.get(session);
            if (request != null) {
                byte[] data = new byte[chunk.remaining()];
                chunk.get(data);
                request.bytes().writeBytes(data);
                answerWhenComplete(session, request);
            }
        }

        @Override
        public void closed(TlsSession session, Exception failure) {
            requests.remove(session);
        }

        private void answerWhenComplete(TlsSession session, Request request) {
            String head = request.bytes().toString(StandardCharsets.ISO_8859_1);
            int earlyBytes = request.earlyBytes();
            if (request.bytes().size() < MAX_REQUEST && !head.contains("\r\n\r\n") && !head.contains("\n\n")) {
                return;
            }
            requests.remove(session);
            TraceRecorder path = paths.get(session.engine());
            String page = "tlsmachine server\n"
                    + "negotiated: " + session.engine().negotiated().map(NegotiatedParameters::toString).orElse("?") + "\n"
                    + "model path: " + (path == null ? "?" : path.path()) + "\n"
                    + (earlyBytes > 0 ? "0-RTT early data: " + earlyBytes + " bytes\n" : "");
            String response = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                    + page.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + page;
            session.write(response.getBytes(StandardCharsets.UTF_8));
            session.close();
        }
    }
}
