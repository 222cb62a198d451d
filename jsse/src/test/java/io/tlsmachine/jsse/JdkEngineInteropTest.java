package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our SSLEngine against the JDK's own SSLEngine in memory: both roles, TLS 1.3 and 1.2, ECDSA and RSA, heap and direct buffers. */
@Timeout(60)
class JdkEngineInteropTest {

    @ParameterizedTest(name = "our {0} with {1}, {2} key, direct buffers {3}, one byte at a time {4}")
    @CsvSource({
        "client, TLSv1.3, EC_P256,  false, false",
        "server, TLSv1.3, EC_P256,  false, false",
        "client, TLSv1.2, EC_P256,  false, false",
        "server, TLSv1.2, EC_P256,  false, false",
        "client, TLSv1.3, RSA_2048, true,  false",
        "server, TLSv1.2, RSA_2048, true,  false",
        "client, TLSv1.2, EC_P256,  false, true",
        "server, TLSv1.3, EC_P256,  true,  true",
    })
    void handshakesExchangesDataAndClosesWithTheJdkEngine(String ourRole, String protocol, CertificateKeyType keyType,
            boolean direct, boolean byteAtATime) throws Exception {
        JssePki pki = new JssePki(keyType);
        boolean ourClient = ourRole.equals("client");
        SSLEngine client = clientEngine(ourClient ? pki.ours(protocol) : pki.jdk(protocol));
        SSLEngine server = serverEngine(ourClient ? pki.jdk(protocol) : pki.ours(protocol));
        EnginePair pair = new EnginePair(client, server, direct, byteAtATime);

        pair.handshake();

        SSLEngine ours = ourClient ? client : server;
        assertThat(ours.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(ours.getSession().getCipherSuite()).isEqualTo((ourClient ? server : client).getSession().getCipherSuite());
        assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(server.getSession().getLocalCertificates()[0]);
        assertThat(((X509Certificate) client.getSession().getPeerCertificates()[0]).getPublicKey().getAlgorithm())
                .isEqualTo(keyType == CertificateKeyType.RSA_2048 ? "RSA" : "EC");
        assertThat(ours.getApplicationProtocol()).isEqualTo("h2");
        assertThat(ours.getHandshakeSession()).isNull();

        exchange(pair.client, pair.server, "GET / HTTP/1.1");
        exchange(pair.server, pair.client, "HTTP/1.1 200 OK");
        byte[] big = new byte[100_000];
        new java.util.Random(1).nextBytes(big);
        exchange(pair.client, pair.server, big);

        pair.client.engine.closeOutbound();
        assertThat(pair.client.wrapTo(pair.server, ByteBuffer.allocate(0)).getStatus()).isEqualTo(Status.CLOSED);
        assertThat(pair.client.engine.isOutboundDone()).isTrue();
        assertThat(pair.server.unwrapRecord().getStatus()).isEqualTo(Status.CLOSED);
        assertThat(pair.server.engine.isInboundDone()).isTrue();
    }

    @Test
    void aHostNameMismatchFailsOurClientsHandshakeWhenEndpointIdentificationIsHttps() throws Exception {
        JssePki pki = new JssePki(CertificateKeyType.EC_P256);
        SSLEngine client = pki.ours("TLS").createSSLEngine("wrong.example", 443);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        EnginePair pair = new EnginePair(client, serverEngine(pki.jdk("TLS")), false, false);

        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate");
    }

    @Test
    void withoutEndpointIdentificationOurClientAcceptsATrustedChainForAnotherName() throws Exception {
        JssePki pki = new JssePki(CertificateKeyType.EC_P256);
        SSLEngine client = pki.ours("TLS").createSSLEngine("other.example", 443);
        client.setUseClientMode(true);
        EnginePair pair = new EnginePair(client, serverEngine(pki.jdk("TLS")), false, false);

        pair.handshake();

        assertThat(client.getSession().getPeerHost()).isEqualTo("other.example");
        assertThat(client.getSession().getPeerPort()).isEqualTo(443);
    }

    @Test
    void anUntrustedServerFailsOurClientsHandshake() throws Exception {
        SSLEngine client = clientEngine(new JssePki(CertificateKeyType.EC_P256).ours("TLS"));
        EnginePair pair = new EnginePair(client, serverEngine(new JssePki(CertificateKeyType.EC_P256).jdk("TLS")), false, false);

        assertThatThrownBy(pair::handshake).isInstanceOf(SSLException.class);
    }

    @Test
    void ourServerAuthenticatesAJdkClientWhenItNeedsClientAuth() throws Exception {
        JssePki pki = new JssePki(CertificateKeyType.EC_P256);
        SSLEngine server = serverEngine(pki.ours("TLS"));
        server.setNeedClientAuth(true);
        EnginePair pair = new EnginePair(clientEngine(pki.jdk("TLS")), server, false, false);

        pair.handshake();

        assertThat(server.getSession().getPeerCertificates()).hasSize(2);
    }

    static SSLEngine clientEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine(JssePki.HOST, 8443);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        engine.setSSLParameters(parameters);
        return engine;
    }

    static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static void exchange(EnginePair.Side from, EnginePair.Side to, String text) throws SSLException {
        exchange(from, to, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void exchange(EnginePair.Side from, EnginePair.Side to, byte[] data) throws SSLException {
        ByteBuffer source = from.allocate(data.length);
        source.put(data).flip();
        while (source.hasRemaining()) {
            from.wrapTo(to, source);
        }
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        for (int round = 0; got.size() < data.length && round < 1_000_000; round++) {
            to.unwrapOnce();
            got.writeBytes(to.takeApplicationData());
        }
        byte[] received = got.toByteArray();
        assertThat(received.length).isEqualTo(data.length);
        assertThat(java.util.Arrays.mismatch(received, data)).as("first byte that differs").isEqualTo(-1);
    }
}
