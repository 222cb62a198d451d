package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * gnutls-serv reachable only from this test. gnutls-serv has no option to bind one address and listens on all of
 * them, so it runs inside a private network namespace holding nothing but loopback ({@code unshare -rn}, then
 * {@code ip link set lo up}), on a fixed port no one else can see. A {@link NamespaceRelay} JVM inside the
 * namespace exposes it on a Unix domain socket in the test's temporary directory, and this class relays from
 * 127.0.0.1:{@link #port()} (outside, any free port) to that socket. {@link #close()} kills the namespace's
 * processes.
 */
final class GnutlsServer implements AutoCloseable {
    /** gnutls-serv's port inside the namespace, which only holds this server. */
    private static final int INNER_PORT = 5556;

    private final PeerProcess process;
    private final ServerSocketChannel listener;
    private final Thread acceptor;

    GnutlsServer(Path dir, List<String> gnutlsServArguments) throws IOException, InterruptedException {
        Path socket = dir.resolve("gnutls-" + System.nanoTime() + ".sock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath;
        try {
            classpath = Path.of(NamespaceRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String script = "ip link set lo up || exit 1; gnutls-serv \"$@\" & exec " + quote(java) + " -Xshare:auto -cp "
                + quote(classpath) + " " + NamespaceRelay.class.getName() + " " + quote(socket.toString()) + " " + INNER_PORT;
        List<String> command = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c", script, "gnutls-serv", "-p",
                String.valueOf(INNER_PORT)));
        command.addAll(gnutlsServArguments);
        process = PeerProcess.start(command);
        try {
            process.awaitOutput(out -> {
                if (out.contains("Error")) {
                    throw new AssertionError("gnutls-serv failed to start: " + command + "\n" + out);
                }
                return out.contains(NamespaceRelay.READY) && out.contains("listening on");
            }, Duration.ofSeconds(15));
            listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException | RuntimeException | Error e) {
            process.close();
            throw e;
        }
        acceptor = new Thread(() -> relay(socket), "gnutls-bridge");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private void relay(Path socket) {
        while (listener.isOpen()) {
            try {
                SocketChannel outside = listener.accept();
                try {
                    ChannelPump.connect(outside, SocketChannel.open(UnixDomainSocketAddress.of(socket)));
                } catch (IOException e) {
                    ChannelPump.closeQuietly(outside);
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The port on 127.0.0.1 that leads to gnutls-serv. */
    int port() {
        return ((InetSocketAddress) listenerAddress()).getPort();
    }

    private java.net.SocketAddress listenerAddress() {
        try {
            return listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What gnutls-serv and the relay printed. */
    String output() {
        return process.output();
    }

    @Override
    public void close() throws IOException {
        try {
            listener.close();
        } finally {
            process.close();
        }
    }
}
