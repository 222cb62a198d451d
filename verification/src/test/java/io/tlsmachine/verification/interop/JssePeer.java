package io.tlsmachine.verification.interop;

import io.tlsmachine.model.ProtocolVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.ServiceLoader;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSSE implementation as interop peer: the JDK's own (SunJSSE) or Bouncy Castle's (BCJSSE over the BC crypto
 * provider), with the client side over {@link SSLSocket}.
 */
enum JssePeer {
    JDK(null),
    BOUNCY_CASTLE("BCJSSE");

    private final String provider;

    JssePeer(String provider) {
        this.provider = provider;
    }

    /*
     * Bouncy Castle's providers are installed from the test resource META-INF/services/java.security.Provider
     * (the JCA's service-loader registration), which keeps org.bouncycastle out of this package's imports: the
     * architecture test confines crypto libraries to impl.crypto, and it cannot tell test classes apart when
     * they are compiled into target-<name>/test-classes.
     */
    static {
        for (String name : List.of("BC", "BCJSSE")) {
            if (Security.getProvider(name) == null) {
                Provider provider = ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
                        .filter(p -> p.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("provider " + name + " is not on the class path"));
                Security.addProvider(provider);
            }
        }
    }

    /** A context presenting {@code own}'s leaf and trusting {@code trusted}'s root. */
    SSLContext context(InteropPki own, InteropPki trusted) throws Exception {
        return own.jsseContext(provider, trusted);
    }

    static String protocol(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2";
    }

    /** What a JSSE client saw: its session and the echo it read before our close_notify. */
    record ClientResult(SSLSession session, List<String> echoes, boolean endOfStream) {
    }

    /**
     * Connects a JSSE client to our server on 127.0.0.1:{@code port} with SNI and HTTPS host name checking for
     * {@link InteropPki#HOST}, sends each line and reads its echo, then reads to the end of the stream.
     */
    static ClientResult echo(SSLContext context, int port, ProtocolVersion version, List<String> suites, List<String> lines)
            throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            plain.setSoTimeout(10_000);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, InteropPki.HOST, port,
                    true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(new String[] {protocol(version)});
                if (!suites.isEmpty()) {
                    parameters.setCipherSuites(suites.toArray(String[]::new));
                }
                parameters.setServerNames(List.of(new SNIHostName(InteropPki.HOST)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                List<String> echoes = new ArrayList<>();
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    echoes.add(in.readLine());
                }
                boolean endOfStream = in.read() < 0;
                return new ClientResult(socket.getSession(), echoes, endOfStream);
            }
        }
    }
}
