package io.tlsmachine.verification.interop;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.model.Negotiated;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Our {@link TlsClient} against a line echo server on 127.0.0.1: sends each line and waits for its echo
 * (optionally after a KeyUpdate(update_requested), RFC 8446 §4.6.3), then reads to the peer's close_notify.
 */
final class OurClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private OurClient() {
    }

    /** What our client negotiated and received, and whether the peer's close_notify arrived. */
    record Echoed(NegotiatedParameters parameters, Negotiated facts, String received, boolean closed) {
    }

    static Echoed echo(int port, TlsConfig config, List<String> lines, boolean keyUpdateFirst) throws Exception {
        return echo(port, config, lines, keyUpdateFirst, "echo: ", true);
    }

    /**
     * As {@link #echo(int, TlsConfig, List, boolean)} against a server that echoes lines unchanged and never closes
     * first (gnutls-serv --echo): our close_notify ends the connection.
     */
    static Echoed echoVerbatim(int port, TlsConfig config, List<String> lines, boolean keyUpdateFirst) throws Exception {
        return echo(port, config, lines, keyUpdateFirst, "", false);
    }

    private static Echoed echo(int port, TlsConfig config, List<String> lines, boolean keyUpdateFirst, String prefix,
            boolean awaitPeerClose) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (TlsConnection connection = TlsClient.connect(address, config, t -> { }, TIMEOUT)) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            if (keyUpdateFirst) {
                connection.engine().requestKeyUpdate();
            }
            for (String line : lines) {
                connection.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                while (!received.toString(StandardCharsets.ISO_8859_1).contains(prefix + line + "\n")) {
                    byte[] data = connection.read();
                    if (data.length == 0) {
                        throw new AssertionError("the peer closed before echoing " + line + "; got " + received);
                    }
                    received.writeBytes(data);
                }
            }
            if (awaitPeerClose) {
                received.writeBytes(connection.readAll(1 << 16));
            }
            return new Echoed(connection.engine().negotiated().orElseThrow(), connection.engine().facts(),
                    received.toString(StandardCharsets.ISO_8859_1), connection.engine().isClosed());
        }
    }
}
