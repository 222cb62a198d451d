package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.cert.TestPki;
import io.tlsmachine.model.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
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

    /** Moves bytes between our engine and the JDK's until both are quiet; returns what the JDK received. */
    private static byte[] pump(TlsEngine ours, SSLEngine jdk, byte[] jdkToSend) throws Exception {
        ByteBuffer jdkOut = ByteBuffer.wrap(jdkToSend);
        ByteArrayOutputStream jdkReceived = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        ByteBuffer pendingIn = ByteBuffer.allocate(1 << 17).flip();
        for (int round = 0; round < 64; round++) {
            boolean progress = false;
            byte[] fromOurs = ours.drainOutbound();
            if (fromOurs.length > 0) {
                ByteBuffer merged = ByteBuffer.allocate(pendingIn.remaining() + fromOurs.length);
                merged.put(pendingIn).put(fromOurs).flip();
                pendingIn = merged;
                progress = true;
            }
            while (pendingIn.hasRemaining()) {
                app.clear();
                SSLEngineResult r = jdk.unwrap(pendingIn, app);
                app.flip();
                byte[] data = new byte[app.remaining()];
                app.get(data);
                jdkReceived.writeBytes(data);
                runTasks(jdk);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.getStatus() == SSLEngineResult.Status.CLOSED
                        || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                    break;
                }
                progress = true;
            }
            while (true) {
                net.clear();
                SSLEngineResult r = jdk.wrap(jdkOut, net);
                runTasks(jdk);
                net.flip();
                if (net.hasRemaining()) {
                    byte[] bytes = new byte[net.remaining()];
                    net.get(bytes);
                    ours.feed(bytes);
                    progress = true;
                }
                if (r.bytesProduced() == 0 || r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    break;
                }
            }
            if (!progress) {
                break;
            }
        }
        return jdkReceived.toByteArray();
    }

    private static void runTasks(SSLEngine jdk) {
        Runnable task;
        while ((task = jdk.getDelegatedTask()) != null) {
            task.run();
        }
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
                pump(ours, jdk, new byte[0]);
                assertThat(ours.isHandshakeComplete()).as("%s %s: %s", version, pki.leaf().keyType(), ours.failure()).isTrue();
                assertThat(ours.negotiated().orElseThrow().version()).isEqualTo(version);
                ours.writeApplicationData("to the jdk".getBytes(StandardCharsets.US_ASCII));
                byte[] received = pump(ours, jdk, "to tlsmachine".getBytes(StandardCharsets.US_ASCII));
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
                byte[] received = pump(ours, jdk, "from the jdk".getBytes(StandardCharsets.US_ASCII));
                assertThat(ours.isHandshakeComplete()).as("%s %s: %s", version, pki.leaf().keyType(), ours.failure()).isTrue();
                assertThat(ours.negotiated().orElseThrow().version()).isEqualTo(version);
                assertThat(new String(ours.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("from the jdk");
                ours.writeApplicationData("hello jdk".getBytes(StandardCharsets.US_ASCII));
                received = pump(ours, jdk, new byte[0]);
                assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo("hello jdk");
            }
        }
    }
}
