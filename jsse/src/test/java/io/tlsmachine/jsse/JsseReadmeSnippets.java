package io.tlsmachine.jsse;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The JSSE README's Java, verbatim: each block between a {@code // README <name>} line and {@code // README end} is
 * copied into jsse/README.md, which {@link JsseReadmeSnippetsTest} checks, and run by that test on loopback.
 */
final class JsseReadmeSnippets {

    private JsseReadmeSnippets() {
    }

    // README provider
    static SSLContext context(KeyManagerFactory keys, TrustManagerFactory trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS", new TlsMachineProvider()); // the one line that changes
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
    // README end

    // README netty
    static SslContext nettyServer(KeyManagerFactory keys) throws SSLException {
        return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK)
                .sslContextProvider(new TlsMachineProvider()).build(); // then newHandler(channel.alloc())
    }
    // README end

    // README httpclient
    static HttpResponse<String> get(SSLContext context, URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
    // README end

    // README jetty
    static Server jetty(SSLContext context, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, tls); // HTTP/1.1 over TLS
        connector.setPort(port);
        server.addConnector(connector);
        return server;
    }
    // README end

    // README okhttp
    static OkHttpClient okHttp(SSLContext context, X509TrustManager trust) {
        return new OkHttpClient.Builder().sslSocketFactory(context.getSocketFactory(), trust).build();
    }
    // README end
}
