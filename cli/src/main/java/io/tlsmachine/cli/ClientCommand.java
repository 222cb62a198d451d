package io.tlsmachine.cli;

import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.impl.engine.TraceRecorder;
import io.tlsmachine.TlsConnectionException;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.TlsConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Connects to a TLS server, prints what was negotiated and the model path, sends text and prints the answer. */
@Command(name = "client", mixinStandardHelpOptions = true, version = TlsMachineCli.VERSION,
        description = "Connect to a TLS server with the model-driven client.")
final class ClientCommand implements Callable<Integer> {
    /** How the server's certificate is checked. */
    static final class Trust {
        @Option(names = "--trust", description = "trust anchors (PEM); default: the JDK's trust store")
        Path anchors;

        @Option(names = "--insecure", description = "DANGEROUS: accept any server certificate (testing only)")
        boolean insecure;
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonTlsOptions tls;

    @ArgGroup(exclusive = true)
    private Trust trust = new Trust();

    @Parameters(index = "0", paramLabel = "HOST:PORT")
    private String target;

    @Option(names = "--servername", description = "server name (SNI and certificate check); default: HOST")
    private String serverName;

    @Option(names = "--alpn", split = ",", description = "application protocols to offer")
    private List<String> alpn;

    @Option(names = "--send", description = "text to send after the handshake (\\r and \\n are interpreted)")
    private String send;

    @Option(names = "--early-data", description = "TLS 1.3 0-RTT: after this connection, resume with TEXT sent as early "
            + "data (\\r and \\n are interpreted); use with --send, whose answer brings the server's ticket")
    private String earlyData;

    @Option(names = "--timeout", defaultValue = "10",
            description = "seconds for connect, handshake and each read (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || target.contains("/") || !target.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new ParameterException(spec.commandLine(), "expected HOST:PORT (e.g. example.com:443), got " + target);
        }
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(target.substring(colon + 1));
        if (port > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), "port out of range (1-65535): " + port);
        }
        if (tls.certificates.size() > 1) {
            throw new ParameterException(spec.commandLine(), "the client takes one --cert/--key (the server takes several)");
        }
        TlsConfigBuilder builder = tls.apply(TlsConfig.builder()).serverName(serverName != null ? serverName : host);
        if (trust.insecure) {
            builder.insecureAcceptAnyCertificate();
            System.err.println("WARNING: --insecure: the server's certificate is NOT verified");
        } else if (trust.anchors != null) {
            builder.certificateVerifier(CertificateVerifier.pkix(
                    TrustAnchors.fromPem(PemFiles.check(trust.anchors, PemFiles.Content.CERTIFICATES))));
        }
        if (alpn != null) {
            builder.applicationProtocols(alpn.toArray(String[]::new));
        }
        if (earlyData != null) {
            builder.ticketStore(new TicketStore());
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        TlsConfig config = builder.build();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CliFailure(ExitStatus.NETWORK, "unknown host: " + host);
        }
        connectOnce(out, address, config, timeout, null);
        if (earlyData != null) {
            out.println("resuming with 0-RTT early data");
            connectOnce(out, address, config, timeout, unescape(earlyData).getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /** One connection: handshake (with {@code early} as 0-RTT data unless null), --send and its answer, close. */
    private void connectOnce(PrintWriter out, InetSocketAddress address, TlsConfig config, Duration timeout, byte[] early)
            throws IOException {
        TraceRecorder path = new TraceRecorder();
        List<TakenTransition> taken = new ArrayList<>();
        TlsEngine engine = TlsEngine.client(config).addTransitionListener(step -> {
            taken.add(step);
            path.onTransition(step);
        });
        engine.addTransitionListener(tls.tracer("client", System.err, engine));
        if (early != null) {
            engine.offerEarlyData(early);
        }
        FirstBytesSocket socket = connected(address, timeout);
        try (TlsConnection connection = new TlsConnection(socket, engine, timeout)) {
            connection.handshake(timeout);
            out.println("negotiated: " + engine.negotiated().map(NegotiatedParameters::toString).orElse("?"));
            if (early != null) {
                out.println("early data: " + engine.earlyDataStatus());
            }
            out.println("model path: " + path.path());
            out.flush();
            if (send != null) {
                connection.write(unescape(send).getBytes(StandardCharsets.UTF_8));
                byte[] answer = connection.readAll(1 << 20);
                out.println("received (" + answer.length + " bytes):");
                out.print(new String(answer, StandardCharsets.UTF_8));
                out.println();
            }
            out.flush();
        } catch (TlsConnectionException e) {
            throw ClientFailures.explain(e, engine, taken, socket.firstBytes(), config);
        }
        out.println("model path at close: " + path.path());
    }

    /** Opens the TCP connection, telling the user plainly when it cannot be made. */
    private static FirstBytesSocket connected(InetSocketAddress address, Duration timeout) throws IOException {
        FirstBytesSocket socket = new FirstBytesSocket();
        String where = address.getHostString() + ":" + address.getPort();
        try {
            socket.connect(address, (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (ConnectException e) {
            socket.close();
            throw new CliFailure(ExitStatus.NETWORK, "cannot connect to " + where + ": connection refused", e);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new CliFailure(ExitStatus.NETWORK, "cannot connect to " + where + ": no answer within "
                    + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            socket.close();
            throw new CliFailure(ExitStatus.NETWORK, "cannot connect to " + where + ": "
                    + FailureReport.joinedMessages(e), e);
        }
    }

    /** Interprets {@code \r}, {@code \n} and {@code \\} in {@code --send}. */
    static String unescape(String text) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                result.append(switch (next) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '\\' -> '\\';
                    default -> "\\" + next;
                });
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
