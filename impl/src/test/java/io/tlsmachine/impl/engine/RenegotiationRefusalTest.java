package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * A TLS 1.2 server's HelloRequest after the handshake, from the JDK's SSLEngine (which renegotiates when asked): our
 * client refuses with exactly one no_renegotiation warning and stays connected (RFC 5246 §7.4.1.1, §7.2.2; the model's
 * TLS12_CONNECTED --HELLO_REQUEST--> TLS12_CONNECTED).
 */
class RenegotiationRefusalTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void aHelloRequestAfterTheHandshakeGetsOneNoRenegotiationWarningAndTheConnectionStays() throws Exception {
        SSLEngine jdk = jdkServer();
        jdk.setUseClientMode(false);
        jdk.setEnabledProtocols(new String[] {"TLSv1.2"});
        TlsEngine ours = TlsEngine.client(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build());
        ours.beginHandshake();
        jdk.beginHandshake();
        new SslEnginePump(ours, jdk).run();
        assertThat(ours.state()).isEqualTo(ClientState.TLS12_CONNECTED);

        jdk.beginHandshake(); // TLS 1.2 server: a HelloRequest under the connection's keys
        ByteBuffer helloRequest = ByteBuffer.allocate(jdk.getSession().getPacketBufferSize());
        jdk.wrap(ByteBuffer.allocate(0), helloRequest);
        helloRequest.flip();
        assertThat(helloRequest.remaining()).as("the JDK wrote its HelloRequest").isPositive();
        ours.feed(helloRequest);

        List<byte[]> sent = TestRecords.split(ours.drainOutbound());
        assertThat(sent).as("exactly one record: the alert").hasSize(1);
        // A sealed TLS 1.2 alert (AES-GCM): type 21, explicit nonce 8 + level and description 2 + tag 16.
        assertThat(sent.get(0)[0]).isEqualTo((byte) 21);
        assertThat(sent.get(0).length).isEqualTo(5 + 8 + 2 + 16);
        assertThat(ours.state()).as("still connected").isEqualTo(ClientState.TLS12_CONNECTED);
        ours.writeApplicationData("still here".getBytes(StandardCharsets.US_ASCII));
        assertThat(ours.drainOutbound()).as("application data still goes out").isNotEmpty();
    }

    private static SSLEngine jdkServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("own", EC.certifiedLeaf().privateKey(), PASSWORD,
                EC.certifiedLeaf().chain().certificates().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context.createSSLEngine();
    }
}
