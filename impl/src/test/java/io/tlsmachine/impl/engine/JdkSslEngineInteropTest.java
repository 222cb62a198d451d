package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Handshakes in memory with the JDK's own TLS (SSLEngine) in both roles and both versions. */
class JdkSslEngineInteropTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static SSLContext jdkContext(TestPki.Hierarchy own, TestPki.Hierarchy trusted) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("own", own.certifiedLeaf().privateKey(), PASSWORD,
                own.certifiedLeaf().chain().certificates().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", trusted.root().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static String protocol(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2";
    }

    /** Has the JDK send {@code jdkToSend}, moves bytes until both are quiet, and returns what the JDK received. */
    private static byte[] pump(SslEnginePump pump, byte[] jdkToSend) throws Exception {
        return pump.peerWrites(jdkToSend).run().takePeerReceived();
    }

    @Test
    void ourClientTalksToTheJdkServer() throws Exception {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
                SSLEngine jdk = jdkContext(pki, pki).createSSLEngine();
                jdk.setUseClientMode(false);
                jdk.setEnabledProtocols(new String[] {protocol(version)});
                TlsEngine ours = TlsEngine.client(EngineFixtures.client(pki).build());
                ours.beginHandshake();
                jdk.beginHandshake();
                SslEnginePump pump = new SslEnginePump(ours, jdk);
                pump(pump, new byte[0]);
                assertThat(ours.isHandshakeComplete()).as("%s %s: %s", version, pki.leaf().keyType(), ours.failure()).isTrue();
                assertThat(ours.negotiated().orElseThrow().version()).isEqualTo(version);
                ours.writeApplicationData("to the jdk".getBytes(StandardCharsets.US_ASCII));
                byte[] received = pump(pump, "to tlsmachine".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo("to the jdk");
                assertThat(new String(ours.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("to tlsmachine");
            }
        }
    }

    @Test
    void theJdkClientTalksToOurServer() throws Exception {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
                SSLEngine jdk = jdkContext(pki, pki).createSSLEngine(EngineFixtures.HOST, 443);
                jdk.setUseClientMode(true);
                jdk.setEnabledProtocols(new String[] {protocol(version)});
                TlsEngine ours = TlsEngine.server(EngineFixtures.server(pki).build());
                jdk.beginHandshake();
                SslEnginePump pump = new SslEnginePump(ours, jdk);
                byte[] received = pump(pump, "from the jdk".getBytes(StandardCharsets.US_ASCII));
                assertThat(ours.isHandshakeComplete()).as("%s %s: %s", version, pki.leaf().keyType(), ours.failure()).isTrue();
                assertThat(ours.negotiated().orElseThrow().version()).isEqualTo(version);
                assertThat(new String(ours.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("from the jdk");
                ours.writeApplicationData("hello jdk".getBytes(StandardCharsets.US_ASCII));
                received = pump(pump, new byte[0]);
                assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo("hello jdk");
            }
        }
    }
}
