package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.NegotiatedParameters;
import java.nio.ByteBuffer;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resumption through the provider's SSLSessionContexts: TLS 1.3 tickets, TLS 1.2 session IDs, per peer, bounded; and
 * a client that may create no session (setEnableSessionCreation(false)).
 */
@Timeout(60)
class SessionResumptionTest {
    private static final int PORT = 8443;
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @ParameterizedTest(name = "our client with {0} server, {1}")
    @CsvSource({"our, TLSv1.3", "our, TLSv1.2", "JDK, TLSv1.3", "JDK, TLSv1.2"})
    void ourClientResumesTheSessionItHadWithTheSamePeer(String serverSide, String protocol) throws Exception {
        SSLContext client = pki.ours(protocol);
        SSLContext server = serverSide.equals("our") ? pki.ours(protocol) : pki.jdk(protocol);

        SSLSession first = handshake(client, server, PORT).client.engine.getSession();
        EnginePair second = handshake(client, server, PORT);
        SSLSession resumed = second.client.engine.getSession();

        assertThat(negotiated(first).resumed()).isFalse();
        assertThat(negotiated(resumed).resumed()).isTrue();
        assertThat(resumed).isNotSameAs(first);
        assertThat(resumed.getId()).isEqualTo(first.getId());
        assertThat(resumed.getCreationTime()).isEqualTo(first.getCreationTime());
        assertThat(resumed.getPeerCertificates()).isEqualTo(first.getPeerCertificates());
        assertThat(resumed.getProtocol()).isEqualTo(protocol);
        assertThat(resumed.getSessionContext()).isSameAs(client.getClientSessionContext());
        assertThat(client.getClientSessionContext().getSession(first.getId())).isSameAs(resumed);
        if (serverSide.equals("our")) {
            assertThat(negotiated(second.server.engine.getSession()).resumed()).isTrue();
        }
    }

    /**
     * The JDK's client resumes by ticket (TLS 1.3; TLS 1.2, RFC 5077); the resumed session continues the original:
     * same id, creation time and the client's certificate (the key manager's: the server asked for it).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLSv1.3", "TLSv1.2"})
    void ourServerResumesTheJdkClientsSessionWhichContinuesTheOriginal(String protocol) throws Exception {
        SSLContext client = pki.jdk(protocol);
        SSLContext server = pki.ours(protocol);

        SSLSession first = handshakeWantingClientAuth(client, server).server.engine.getSession();
        SSLSession second = handshakeWantingClientAuth(client, server).server.engine.getSession();

        assertThat(negotiated(first).resumed()).isFalse();
        assertThat(negotiated(second).resumed()).isTrue();
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
        assertThat(second.getPeerCertificates()).isEqualTo(first.getPeerCertificates()).isNotEmpty();
        assertThat(Collections.list(server.getServerSessionContext().getIds())).hasSize(1);
        assertThat(server.getServerSessionContext().getSession(first.getId())).isSameAs(second);
    }

    private static EnginePair handshakeWantingClientAuth(SSLContext client, SSLContext server) throws Exception {
        EnginePair pair = pair(client, server, PORT, true);
        pair.server.engine.setWantClientAuth(true);
        pair.handshake();
        return pair;
    }

    @ParameterizedTest(name = "{0} client")
    @CsvSource({"our", "JDK"})
    void aClientThatMayCreateNoSessionAndHasNoneToResumeFailsToStartLikeTheJdk(String clientSide) throws Exception {
        SSLContext context = clientSide.equals("our") ? pki.ours("TLS") : pki.jdk("TLS");
        SSLEngine client = context.createSSLEngine(JssePki.HOST, PORT);
        client.setUseClientMode(true);
        client.setEnableSessionCreation(false);

        assertThat(client.getEnableSessionCreation()).isFalse();
        // SunJSSE may wrap its refusal in "Couldn't kickstart handshaking"; ours says it directly.
        assertThatThrownBy(client::beginHandshake).isInstanceOf(SSLException.class)
                .hasStackTraceContaining("No new session is allowed and no existing session can be resumed");
    }

    @ParameterizedTest(name = "our client with {0} server, {1}")
    @CsvSource({"our, TLSv1.3", "our, TLSv1.2", "JDK, TLSv1.3", "JDK, TLSv1.2"})
    void aClientThatMayCreateNoSessionResumesTheOneItHas(String serverSide, String protocol) throws Exception {
        SSLContext client = pki.ours(protocol);
        SSLContext server = serverSide.equals("our") ? pki.ours(protocol) : pki.jdk(protocol);
        SSLSession first = handshake(client, server, PORT).client.engine.getSession();

        SSLSession resumed = handshake(client, server, PORT, false).client.engine.getSession();

        assertThat(negotiated(resumed).resumed()).isTrue();
        assertThat(resumed.getId()).isEqualTo(first.getId());
    }

    /**
     * A server that does not resume sends its certificate, which a client that may create no session refuses:
     * the client fails, and the server gets certificate_unknown.
     */
    @ParameterizedTest(name = "our client with {0} server, {1}")
    @CsvSource({"our, TLSv1.3", "our, TLSv1.2", "JDK, TLSv1.3", "JDK, TLSv1.2"})
    void aClientThatMayCreateNoSessionRefusesAServerThatDoesNotResume(String serverSide, String protocol) throws Exception {
        SSLContext client = pki.ours(protocol);
        handshake(client, pki.ours(protocol), PORT);
        SSLContext forgetful = serverSide.equals("our") ? pki.ours(protocol) : pki.jdk(protocol);
        EnginePair pair = pair(client, forgetful, PORT, false);

        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("no new session may be created");
        pair.client.wrapTo(pair.server, ByteBuffer.allocate(0));
        assertThatThrownBy(pair.server::unwrapRecord).isInstanceOf(SSLException.class)
                .satisfies(refused -> assertThat(refused.getMessage()).containsIgnoringCase("certificate_unknown"));
    }

    @Test
    void aServerThatMayCreateNoSessionIsRefusedNamingTheMethod() {
        SSLEngine server = pki.ours("TLS").createSSLEngine();
        server.setUseClientMode(false);
        server.setEnableSessionCreation(false);

        assertThatThrownBy(server::beginHandshake).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("setEnableSessionCreation(false)");
    }

    @Test
    void anotherPortOfTheSameHostIsAnotherPeerAndGetsAFullHandshake() throws Exception {
        SSLContext client = pki.ours("TLS");
        SSLContext server = pki.ours("TLS");
        handshake(client, server, PORT);

        SSLSession other = handshake(client, server, PORT + 1).client.engine.getSession();

        assertThat(negotiated(other).resumed()).isFalse();
        assertThat(negotiated(handshake(client, server, PORT).client.engine.getSession()).resumed()).isTrue();
    }

    @Test
    void anInvalidatedSessionIsNotResumedAndLeavesTheContext() throws Exception {
        SSLContext client = pki.ours("TLS");
        SSLContext server = pki.jdk("TLS");
        SSLSession first = handshake(client, server, PORT).client.engine.getSession();

        first.invalidate();
        SSLSession second = handshake(client, server, PORT).client.engine.getSession();

        assertThat(first.isValid()).isFalse();
        assertThat(client.getClientSessionContext().getSession(first.getId())).isNull();
        assertThat(negotiated(second).resumed()).isFalse();
        assertThat(second.getId()).isNotEqualTo(first.getId());
    }

    @Test
    void aCacheOfOneForgetsTheEldestPeer() throws Exception {
        SSLContext client = pki.ours("TLS");
        SSLContext server = pki.ours("TLS");
        client.getClientSessionContext().setSessionCacheSize(1);
        handshake(client, server, PORT);
        handshake(client, server, PORT + 1);

        SSLSession again = handshake(client, server, PORT).client.engine.getSession();

        assertThat(negotiated(again).resumed()).isFalse();
        assertThat(Collections.list(client.getClientSessionContext().getIds())).hasSize(1);
        assertThat(client.getClientSessionContext().getSessionCacheSize()).isEqualTo(1);
    }

    @Test
    void aSessionOlderThanTheTimeoutIsNotResumed() throws Exception {
        SSLContext client = pki.ours("TLS");
        SSLContext server = pki.ours("TLS");
        SSLSessionContext sessions = client.getClientSessionContext();
        sessions.setSessionTimeout(1);
        SSLSession first = handshake(client, server, PORT).client.engine.getSession();

        Thread.sleep(1_100);
        SSLSession second = handshake(client, server, PORT).client.engine.getSession();

        assertThat(sessions.getSessionTimeout()).isEqualTo(1);
        assertThat(sessions.getSession(first.getId())).isNull();
        assertThat(negotiated(second).resumed()).isFalse();
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedSession() {
        TlsMachineSessionContext sessions = new TlsMachineSessionContext(false, new java.security.SecureRandom());
        sessions.setSessionCacheSize(2);
        TlsMachineSession[] kept = new TlsMachineSession[3];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new TlsMachineSession("client", 1000 + i, new java.security.SecureRandom());
            sessions.established(kept[i], false);
            if (i == 1) {
                assertThat(sessions.getSession(kept[0].getId())).as("a lookup uses the eldest").isSameAs(kept[0]);
            }
        }

        assertThat(sessions.getSession(kept[0].getId())).isSameAs(kept[0]);
        assertThat(sessions.getSession(kept[1].getId())).isNull();
        assertThat(sessions.getSession(kept[2].getId())).isSameAs(kept[2]);
        assertThat(kept[2].getSessionContext()).isSameAs(sessions);
    }

    @Test
    void negativeTimeoutsAndSizesAreRefused() throws Exception {
        SSLSessionContext sessions = pki.ours("TLS").getServerSessionContext();

        assertThat(sessions.getSessionTimeout()).isEqualTo(TlsMachineSessionContext.DEFAULT_TIMEOUT_SECONDS);
        assertThatThrownBy(() -> sessions.setSessionTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sessions.setSessionCacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EnginePair handshake(SSLContext client, SSLContext server, int port) throws Exception {
        return handshake(client, server, port, true);
    }

    private static EnginePair handshake(SSLContext client, SSLContext server, int port, boolean newSessionAllowed)
            throws Exception {
        EnginePair pair = pair(client, server, port, newSessionAllowed);
        pair.handshake();
        return pair;
    }

    private static EnginePair pair(SSLContext client, SSLContext server, int port, boolean newSessionAllowed) {
        SSLEngine clientEngine = client.createSSLEngine(JssePki.HOST, port);
        clientEngine.setUseClientMode(true);
        clientEngine.setEnableSessionCreation(newSessionAllowed);
        SSLEngine serverEngine = server.createSSLEngine();
        serverEngine.setUseClientMode(false);
        return new EnginePair(clientEngine, serverEngine, false, false);
    }

    private static NegotiatedParameters negotiated(SSLSession session) {
        return ((TlsMachineSession) session).negotiatedParameters().orElseThrow();
    }
}
