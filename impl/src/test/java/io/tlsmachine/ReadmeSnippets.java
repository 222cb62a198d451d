package io.tlsmachine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The README's Java, verbatim: each block between a {@code // README <name>} line and {@code // README end} is
 * copied into the README, which {@link ReadmeSnippetsTest} checks, and run by that test against a loopback server.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    // README client
    static String get(String host, int port) throws IOException {
        TlsConfig config = TlsConfig.builder().build(); // TLS 1.3 and 1.2; the JDK's trust store checks the server
        try (TlsConnection connection = TlsClient.connect(host, port, config)) { // host is the server name too
            connection.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(connection.readAll(1 << 20), StandardCharsets.UTF_8);
        }
    }
    // README end

    // README server
    static TlsServer echoServer(Path chainPem, Path keyPem, int port) throws IOException {
        TlsConfig config = TlsConfig.builder().certifiedKey(chainPem, keyPem).build();
        return TlsServer.start(new InetSocketAddress("127.0.0.1", port), config,
                connection -> connection.write(connection.read())); // one echo per connection
    }
    // README end

    // README engine
    static NegotiatedParameters handshakeOverEngine(String host, int port) throws IOException {
        TlsEngine engine = TlsEngine.client(TlsConfig.builder().build(), host); // sans-IO: we move the bytes
        try (Socket socket = new Socket(host, port)) {
            engine.beginHandshake();
            byte[] buffer = new byte[16 * 1024];
            while (!engine.isHandshakeComplete()) {
                socket.getOutputStream().write(engine.drainOutbound()); // drain: the records to send
                int n = socket.getInputStream().read(buffer);
                if (n < 0 || engine.isFailed()) {
                    throw new IOException("the handshake ended in " + engine.state());
                }
                engine.feed(ByteBuffer.wrap(buffer, 0, n)); // feed: the records received
            }
            engine.writeApplicationData("ping".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(engine.drainOutbound()); // our Finished, then the data
            return engine.negotiated().orElseThrow();
        }
    }
    // README end
}
