package io.tlsmachine.verification.interop;

import io.tlsmachine.model.ProtocolVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE {@link SSLServerSocket} on 127.0.0.1 serving {@code connections} connections one after another: each
 * reads one line, answers {@code "echo: " + line} and closes (close_notify).
 */
final class JsseServer implements AutoCloseable {

    /** What the JSSE server saw on one connection. */
    record Served(SSLSession session, String line, Exception failure) {
        SSLSession checkedSession() {
            if (failure != null) {
                throw new AssertionError("the JSSE server failed: " + failure, failure);
            }
            return session;
        }
    }

    private final SSLServerSocket listener;
    private final Thread acceptor;
    private final BlockingQueue<Served> served = new ArrayBlockingQueue<>(8);

    JsseServer(SSLContext context, ProtocolVersion version, List<String> suites, boolean needClientAuth,
            int connections) throws IOException {
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 4,
                InetAddress.getLoopbackAddress());
        listener.setSoTimeout(15_000);
        listener.setEnabledProtocols(new String[] {JssePeer.protocol(version)});
        if (!suites.isEmpty()) {
            listener.setEnabledCipherSuites(suites.toArray(String[]::new));
        }
        listener.setNeedClientAuth(needClientAuth);
        acceptor = new Thread(() -> serve(connections), "jsse-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(int connections) {
        for (int i = 0; i < connections; i++) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                OutputStream out = socket.getOutputStream();
                out.write(("echo: " + line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                served.add(new Served(socket.getSession(), line, null));
            } catch (IOException | RuntimeException e) {
                served.add(new Served(null, null, e));
            }
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Returns the next served connection, failing after fifteen seconds. */
    Served next() throws InterruptedException {
        Served next = served.poll(15, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the JSSE server served no connection within 15 s");
        }
        return next;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
