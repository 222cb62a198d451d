package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Runs inside the private network namespace of {@link GnutlsServer}: accepts on a Unix domain socket (which the
 * test, outside the namespace, can reach through the shared file system) and relays each connection to
 * 127.0.0.1:{@code port} inside the namespace, where gnutls-serv listens. Exits when its parent kills it.
 */
public final class NamespaceRelay {
    static final String READY = "namespace relay ready";

    private NamespaceRelay() {
    }

    /** Arguments: the Unix socket path and the TCP port inside the namespace. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path socket = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
            System.out.println(READY);
            System.out.flush();
            while (true) {
                SocketChannel outside = listener.accept();
                ChannelPump.connect(outside, connectWithRetries(port));
            }
        }
    }

    /** gnutls-serv may still be starting: retry for up to ten seconds. */
    private static SocketChannel connectWithRetries(int port) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int attempt = 0; ; attempt++) {
            try {
                return SocketChannel.open(address);
            } catch (IOException refused) {
                if (attempt >= 100) {
                    throw refused;
                }
                Thread.sleep(100);
            }
        }
    }
}
