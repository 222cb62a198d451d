package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import java.security.Provider;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsMachineProviderTest {

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get).map(Provider::getName))
                .contains(TlsMachineProvider.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "TLSv1.3", "TLSv1.2", "Default"})
    void offersEachSslContextProtocol(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance(protocol, new TlsMachineProvider());

        assertThat(context.getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
        assertThat(context.getProtocol()).isEqualTo(protocol);
    }

    @Test
    void theDefaultContextNeedsNoInitAndRefusesOne() throws Exception {
        SSLContext context = SSLContext.getInstance("Default", new TlsMachineProvider());

        SSLEngine engine = context.createSSLEngine("example.com", 443);
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThatThrownBy(() -> context.init(null, null, null)).isInstanceOf(KeyManagementException.class);
    }

    @Test
    void aTls12ContextEnablesOnlyTls12AndNullManagersMeanTheJdkDefaults() throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2", new TlsMachineProvider());
        context.init(null, null, null);

        assertThat(context.createSSLEngine().getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThat(context.createSSLEngine().getSupportedProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void refusesUnsupportedFeaturesByName() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", new TlsMachineProvider());
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine();

        engine.setUseClientMode(false);
        engine.setEnableSessionCreation(false);
        assertThatThrownBy(engine::beginHandshake)
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("setEnableSessionCreation(false) on a server");
        assertThatThrownBy(() -> ((javax.net.ssl.SSLSocketFactory) context.getSocketFactory()).createSocket(
                new java.net.Socket(), new java.io.ByteArrayInputStream(new byte[0]), true))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("createSocket(Socket, InputStream");
        assertThatThrownBy(() -> engine.setEnabledProtocols(new String[] {"TLSv1.1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLSv1.1");
    }
}
