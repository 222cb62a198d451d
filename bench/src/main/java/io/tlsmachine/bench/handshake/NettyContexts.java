package io.tlsmachine.bench.handshake;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.testkit.TestPki;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * A client and a server Netty {@link SslContext} of one stack, TLS 1.3 only: the JSSE stacks through
 * {@link SslProvider#JDK} with their provider as {@code sslContextProvider} and the managers of
 * {@link JsseManagers}; BoringSSL through Netty's OpenSSL engine ({@code netty-tcnative-boringssl-static}) with
 * the server's key and chain, a PKIX trust manager for the client (the same check as the JSSE clients: no host
 * name check, which Netty 4.2 otherwise turns on for clients), and its
 * groups set with {@link OpenSslContextOption#GROUPS} (BoringSSL's {@code SSL_CTX_set1_groups_list}). Also the
 * {@link EngineSource} of BoringSSL's in-memory pairs, whose engines are reference counted
 * ({@link SslProvider#OPENSSL_REFCNT}) and released by {@link SslEnginePair#release()}.
 */
record NettyContexts(Stack stack, SslContext client, SslContext server) implements EngineSource {

    /**
     * Builds the contexts; {@code group} is set where the stack can be told (BoringSSL's option; our provider's
     * {@code jdk.tls.namedGroups} at init); the other JSSE stacks take theirs as {@link JsseEngines} says.
     */
    static NettyContexts of(Stack stack, TestPki.Hierarchy pki, BenchGroup group, SslProvider openSsl) {
        try {
            if (stack != Stack.BORINGSSL) {
                String previous = JsseEngines.setNamedGroups(JsseEngines.namedGroups(stack, group));
                try {
                    return new NettyContexts(stack,
                            SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                                    .sslContextProvider(JsseManagers.provider(stack)).endpointIdentificationAlgorithm(null)
                                    .trustManager(JsseManagers.trust(stack, pki)).protocols("TLSv1.3").build(),
                            SslContextBuilder.forServer(JsseManagers.keys(stack, pki)).sslProvider(SslProvider.JDK)
                                    .sslContextProvider(JsseManagers.provider(stack)).protocols("TLSv1.3").build());
                } finally {
                    JsseEngines.restoreNamedGroups(previous);
                }
            }
            if (!OpenSsl.isAvailable()) {
                throw new IllegalStateException("netty-tcnative-boringssl-static did not load: "
                        + OpenSsl.unavailabilityCause(), OpenSsl.unavailabilityCause());
            }
            CertifiedKey leaf = pki.certifiedLeaf();
            String[] groups = {group.boringSslName};
            return new NettyContexts(stack,
                    SslContextBuilder.forClient().sslProvider(openSsl).trustManager(JsseManagers.trust(stack, pki))
                            .endpointIdentificationAlgorithm(null).protocols("TLSv1.3").option(OpenSslContextOption.GROUPS, groups).build(),
                    SslContextBuilder.forServer(leaf.privateKey(), leaf.chain().certificates().toArray(new X509Certificate[0]))
                            .sslProvider(openSsl).protocols("TLSv1.3").option(OpenSslContextOption.GROUPS, groups).build());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up Netty's " + stack, e);
        }
    }

    @Override
    public SSLEngine newClient() {
        return client.newEngine(UnpooledByteBufAllocator.DEFAULT);
    }

    @Override
    public SSLEngine newServer() {
        return server.newEngine(UnpooledByteBufAllocator.DEFAULT);
    }
}
