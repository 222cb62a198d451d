package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds OpenSSL 3 {@code s_server}/{@code s_client} command lines on 127.0.0.1 and runs the common exchanges. */
final class OpenSsl {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^\\n]*:(\\d+)");

    private OpenSsl() {
    }

    /** OpenSSL's name of {@code version} ({@code TLSv1.3}, {@code TLSv1.2}). */
    static String protocol(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2";
    }

    /** {@code s_server} on a free loopback port with {@code pem}'s certificate, chain and key, one version only. */
    static List<String> sServer(InteropPki.PemFiles pem, ProtocolVersion version, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert",
                pem.leaf().toString(), "-cert_chain", pem.chain().toString(), "-key", pem.key().toString(),
                version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2"));
        command.addAll(arguments);
        return command;
    }

    /** Waits until {@code s_server} says where it accepts; returns that loopback address. */
    static InetSocketAddress awaitAccepting(PeerProcess server) throws Exception {
        server.awaitOutput(out -> ACCEPT.matcher(out).find(), TIMEOUT);
        Matcher port = ACCEPT.matcher(server.output());
        assertThat(port.find()).isTrue();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)));
    }

    /** {@code s_client} to our server on {@code port}, verifying its certificate against {@code pem}'s root. */
    static List<String> sClient(int port, InteropPki.PemFiles pem, ProtocolVersion version, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", InteropPki.HOST, "-verify_hostname", InteropPki.HOST, "-CAfile", pem.root().toString(),
                "-verify_return_error", "-ign_eof", version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2"));
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@code s_client} against our echo server: one line there and back, then our close_notify, after which
     * s_client must exit; checks the version, the line, the close and s_client's verification.
     */
    static OurServer.Served echoWithClient(InteropPki.PemFiles pem, ProtocolVersion version, List<String> arguments,
            TlsConfig config) throws Exception {
        try (OurServer server = new OurServer(config, 1, false);
                PeerProcess client = PeerProcess.start(sClient(server.port(), pem, version, arguments))) {
            client.send("hello from openssl\n");
            client.awaitOutput(out -> out.contains("echo: hello from openssl"), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("s_client exits after our close_notify").isTrue();
            OurServer.Served served = server.next();
            assertThat(served.parameters().version()).isEqualTo(version);
            assertThat(served.received()).isEqualTo("hello from openssl\n");
            assertThat(served.closed()).isTrue();
            assertThat(client.output()).containsPattern("(New|Reused), " + protocol(version)).contains("Verification: OK");
            return served;
        }
    }
}
