package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.certificate.issuing.CertificateIssuer;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.testkit.TestPki;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server engine's choices once the ClientHello is read: SNIMatchers, the ALPN selector, and the key manager's
 * credential by the signature schemes the client can verify.
 */
@Timeout(60)
class ServerChoicesTest {
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @Test
    void anSniMatcherThatAcceptsTheNameLetsTheHandshakeThroughAndTheSessionShowsTheName() throws Exception {
        SSLEngine server = serverWithMatcher(pki.ours("TLS"), JssePki.HOST);
        EnginePair pair = new EnginePair(jdkClientSendingSni(), server, false, false);

        pair.handshake();

        assertThat(((ExtendedSSLSession) server.getSession()).getRequestedServerNames())
                .containsExactly(new SNIHostName(JssePki.HOST));
    }

    @Test
    void anSniMatcherThatRefusesTheNameSendsUnrecognizedName() throws Exception {
        SSLEngine server = serverWithMatcher(pki.ours("TLS"), "other.example");
        EnginePair pair = new EnginePair(jdkClientSendingSni(), server, false, false);

        assertThatThrownBy(() -> handshakeDeliveringOurAlert(pair)).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("Received fatal alert: unrecognized_name");
    }

    @Test
    void aServerNameThatIsNoHostNameIsUnrecognizedWhenMatchersJudgeNames() throws Exception {
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName("under_score.example")
                .insecureAcceptAnyCertificate().build());

        assertThatThrownBy(() -> pump(client, serverWithMatcher(pki.ours("TLS"), JssePki.HOST)))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("not a valid host name");
        assertThat(client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.UNRECOGNIZED_NAME);
    }

    @Test
    void withoutMatchersAServerNameThatIsNoHostNameIsIgnored() throws Exception {
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName("under_score.example")
                .insecureAcceptAnyCertificate().build());
        SSLEngine server = pki.ours("TLS").createSSLEngine();
        server.setUseClientMode(false);

        pump(client, server);

        assertThat(client.isHandshakeComplete()).isTrue();
        assertThat(((ExtendedSSLSession) server.getSession()).getRequestedServerNames()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLSv1.3", "TLSv1.2"})
    void theAlpnSelectorPicksAmongTheClientsProtocols(String protocol) throws Exception {
        SSLEngine server = pki.ours(protocol).createSSLEngine();
        server.setUseClientMode(false);
        AtomicReference<List<String>> offered = new AtomicReference<>();
        server.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
            offered.set(protocols);
            assertThat(engine).isSameAs(server);
            return "http/1.1";
        });
        SSLEngine client = JdkEngineInteropTest.clientEngine(pki.jdk(protocol));
        new EnginePair(client, server, false, false).handshake();

        assertThat(offered.get()).containsExactly("h2", "http/1.1");
        assertThat(server.getApplicationProtocol()).isEqualTo("http/1.1");
        assertThat(client.getApplicationProtocol()).isEqualTo("http/1.1");
    }

    @Test
    void anAlpnSelectorAnsweringEmptyMeansNoAlpn() throws Exception {
        SSLEngine server = pki.ours("TLS").createSSLEngine();
        server.setUseClientMode(false);
        server.setHandshakeApplicationProtocolSelector((engine, protocols) -> "");
        SSLEngine client = JdkEngineInteropTest.clientEngine(pki.jdk("TLS"));
        new EnginePair(client, server, false, false).handshake();

        assertThat(server.getApplicationProtocol()).isEmpty();
        assertThat(client.getApplicationProtocol()).isEmpty();
    }

    @ParameterizedTest(name = "selector answers {0}")
    @CsvSource(value = {"NULL", "spdy/3"}, nullValues = "NULL")
    void anAlpnSelectorAnsweringNoneOrAnUnofferedProtocolSendsNoApplicationProtocol(String answer) throws Exception {
        SSLEngine server = pki.ours("TLS").createSSLEngine();
        server.setUseClientMode(false);
        server.setHandshakeApplicationProtocolSelector((engine, protocols) -> answer);
        EnginePair pair = new EnginePair(JdkEngineInteropTest.clientEngine(pki.jdk("TLS")), server, false, false);

        assertThatThrownBy(() -> handshakeDeliveringOurAlert(pair)).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("Received fatal alert: no_application_protocol");
    }

    @ParameterizedTest(name = "client verifies {0}: {1} credential")
    @CsvSource({
        "RSA_PSS_RSAE_SHA256,    RSA_PKCS1_SHA256,       RSA",
        "ECDSA_SECP256R1_SHA256, ECDSA_SECP256R1_SHA256, EC",
    })
    void theKeyManagerChoosesByTheSignatureSchemesTheClientCanVerify(SignatureAlgorithm scheme,
            SignatureAlgorithm certificateScheme, String keyAlgorithm) throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(CertificateKeyType.EC_P256, CertificateKeyType.RSA_2048);
        SSLEngine server = serverEngine(keys);
        // The second scheme lets the client verify the certificate's own signature (SunJSSE's key manager checks it).
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName(JssePki.HOST)
                .signatureSchemes(scheme, certificateScheme).insecureAcceptAnyCertificate().build());

        pump(client, server);

        assertThat(client.isHandshakeComplete()).isTrue();
        assertThat(server.getSession().getLocalCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo(keyAlgorithm);
        assertThat(keys.askedWithHandshakeSession).contains(keyAlgorithm);
        assertThat(keys.peerAlgorithms).containsExactly(JsseProtocols.jcaNames(List.of(scheme, certificateScheme)));
        assertThat(keys.serverNames).containsExactly(new SNIHostName(JssePki.HOST));
    }

    @Test
    void aKeyManagerThatChoosesOnlyOnceTheHelloIsReadStillServes() throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(CertificateKeyType.EC_P256);
        keys.chooseOnlyWithHandshakeSession = true;
        SSLEngine server = serverEngine(keys);
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName(JssePki.HOST).insecureAcceptAnyCertificate()
                .build());

        pump(client, server);

        assertThat(client.isHandshakeComplete()).isTrue();
        assertThat(keys.askedWithHandshakeSession).isNotEmpty();
        assertThat(server.getSession().getLocalCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aClientThatCanVerifyNoneOfOurKeysGetsHandshakeFailure() throws Exception {
        SSLEngine server = serverEngine(new RecordingKeyManager(CertificateKeyType.EC_P256));
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName(JssePki.HOST)
                .signatureSchemes(SignatureAlgorithm.RSA_PSS_RSAE_SHA256).insecureAcceptAnyCertificate().build());

        assertThatThrownBy(() -> pump(client, server)).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("signature schemes");
        assertThat(client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
    }

    /**
     * SSLParameters.setUseCipherSuitesOrder: true (SunJSSE's default) takes the server's most preferred suite the
     * client offers, false the client's most preferred suite the server enables; the JDK's server is the reference.
     */
    @ParameterizedTest(name = "{0} server, {1}, own order {2}")
    @CsvSource({
        "our, TLSv1.3, true,  TLS_AES_256_GCM_SHA384",
        "our, TLSv1.3, false, TLS_AES_128_GCM_SHA256",
        "our, TLSv1.2, true,  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "our, TLSv1.2, false, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "JDK, TLSv1.3, true,  TLS_AES_256_GCM_SHA384",
        "JDK, TLSv1.3, false, TLS_AES_128_GCM_SHA256",
        "JDK, TLSv1.2, true,  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "JDK, TLSv1.2, false, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    })
    void theServerChoosesTheSuiteByItsOwnOrderOrByTheClientsAsSslParametersSay(String serverSide, String protocol,
            boolean ownOrder, String expected) throws Exception {
        String[] serverOrder = protocol.equals("TLSv1.3")
                ? new String[] {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"}
                : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};
        SSLEngine server = JdkEngineInteropTest.serverEngine(serverSide.equals("our") ? pki.ours(protocol) : pki.jdk(protocol));
        SSLParameters parameters = server.getSSLParameters();
        assertThat(parameters.getUseCipherSuitesOrder()).as("the default").isTrue();
        parameters.setCipherSuites(serverOrder);
        parameters.setUseCipherSuitesOrder(ownOrder);
        server.setSSLParameters(parameters);
        SSLEngine client = JdkEngineInteropTest.clientEngine(pki.jdk(protocol));
        // The client prefers the reverse: the 128-bit suite first, the server's first choice last.
        client.setEnabledCipherSuites(new String[] {serverOrder[2], serverOrder[0]});

        new EnginePair(client, server, false, false).handshake();

        assertThat(server.getSSLParameters().getUseCipherSuitesOrder()).isEqualTo(ownOrder);
        assertThat(server.getSession().getCipherSuite()).isEqualTo(expected);
        assertThat(client.getSession().getCipherSuite()).isEqualTo(expected);
    }

    /** The JDK's client sends no server_name for a name without a dot ("localhost") unless told to. */
    private SSLEngine jdkClientSendingSni() {
        SSLEngine client = JdkEngineInteropTest.clientEngine(pki.jdk("TLS"));
        SSLParameters parameters = client.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(JssePki.HOST)));
        client.setSSLParameters(parameters);
        return client;
    }

    /** Runs the handshake; when our server fails, hands its alert to the JDK client, whose exception is thrown. */
    private static void handshakeDeliveringOurAlert(EnginePair pair) throws SSLException {
        try {
            pair.handshake();
        } catch (SSLException ours) {
            assertThat(ours.getStackTrace()[0].getClassName()).startsWith("io.tlsmachine.jsse.");
            pair.server.wrapTo(pair.client, ByteBuffer.allocate(0));
            pair.client.unwrapRecord();
            throw new AssertionError("the JDK client accepted what followed our failure", ours);
        }
    }

    private static SSLEngine serverWithMatcher(SSLContext context, String acceptedName) {
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(java.util.regex.Pattern.quote(acceptedName))));
        server.setSSLParameters(parameters);
        assertThat(server.getSSLParameters().getSNIMatchers()).hasSize(1).first().extracting(SNIMatcher::getType)
                .isEqualTo(0);
        return server;
    }

    private static SSLEngine serverEngine(X509ExtendedKeyManager keys) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", new TlsMachineProvider());
        context.init(new javax.net.ssl.KeyManager[] {keys}, null, new SecureRandom());
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        return server;
    }

    /**
     * Runs our raw engine as the client against {@code server} until neither has anything to send; a failure of the
     * server is rethrown once its alert reached the client.
     */
    private static void pump(TlsEngine client, SSLEngine server) throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16).flip();
        ByteBuffer network = ByteBuffer.allocate(1 << 16);
        ByteBuffer application = ByteBuffer.allocate(1 << 16);
        SSLException failure = null;
        for (int round = 0; round < 100 && !client.isFailed(); round++) {
            toServer.compact().put(client.drainOutbound()).flip();
            try {
                while (toServer.hasRemaining() && failure == null) {
                    if (server.unwrap(toServer, application).getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        break;
                    }
                }
            } catch (SSLException e) {
                failure = e;
            }
            network.clear();
            while (server.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                server.wrap(ByteBuffer.allocate(0), network);
            }
            network.flip();
            byte[] fromServer = new byte[network.remaining()];
            network.get(fromServer);
            client.feed(fromServer);
            if (failure != null) {
                throw failure;
            }
            if (fromServer.length == 0 && client.outboundPending() == 0) {
                return;
            }
        }
    }

    /** A key manager with one credential per key type that records what it is asked and what the handshake session shows. */
    private static final class RecordingKeyManager extends X509ExtendedKeyManager {
        final List<String> askedWithHandshakeSession = new ArrayList<>();
        String[] peerAlgorithms;
        List<SNIServerName> serverNames;
        /** Like a key manager that needs the requested server name: nothing before the ClientHello is read. */
        boolean chooseOnlyWithHandshakeSession;
        private final X509ExtendedKeyManager keys;

        /** One hierarchy per key type for the whole class (RSA key generation is slow). */
        private static final java.util.Map<CertificateKeyType, CertificateIssuer.Hierarchy> HIERARCHIES =
                new java.util.concurrent.ConcurrentHashMap<>();

        RecordingKeyManager(CertificateKeyType... types) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test-only".toCharArray();
            for (CertificateKeyType type : types) {
                CertificateIssuer.Hierarchy hierarchy = HIERARCHIES.computeIfAbsent(type, key ->
                        new TestPki(new SecureRandom()).hierarchy("Choice", key, JssePki.HOST, Instant.now()));
                store.setKeyEntry(type.name(), hierarchy.leaf().privateKey(), password,
                        hierarchy.chain().certificates().toArray(X509Certificate[]::new));
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(store, password);
            keys = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            SSLSession handshake = engine.getHandshakeSession();
            if (handshake instanceof ExtendedSSLSession extended) {
                askedWithHandshakeSession.add(keyType);
                peerAlgorithms = extended.getPeerSupportedSignatureAlgorithms();
                serverNames = extended.getRequestedServerNames();
            } else if (chooseOnlyWithHandshakeSession) {
                return null;
            }
            return keys.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, java.net.Socket socket) {
            return keys.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, java.net.Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
