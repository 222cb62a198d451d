package io.tlsmachine.jsse;

import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.NegotiatedParameters;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Starts the model-driven engine behind each {@link TlsMachineEngine} of one SSLContext: the credential the key
 * manager chooses, the verifier asking the trust manager, the engine's parameters, and resumption through the
 * context's session contexts (a client's ticket store per peer; a server's shared ticket key and TLS 1.2 cache).
 */
final class EngineSetup {
    private final Managers managers;
    private final TlsMachineSessionContext clientSessions;
    private final TlsMachineSessionContext serverSessions;

    EngineSetup(Managers managers) {
        this.managers = managers;
        this.clientSessions = new TlsMachineSessionContext(true, managers.random());
        this.serverSessions = new TlsMachineSessionContext(false, managers.random());
    }

    SecureRandom random() {
        return managers.random();
    }

    TlsMachineSessionContext clientSessions() {
        return clientSessions;
    }

    TlsMachineSessionContext serverSessions() {
        return serverSessions;
    }

    /** Builds and starts the engine for {@code owner} (working for {@code socket} when not null). */
    TlsEngine start(TlsMachineEngine owner, SSLSocket socket, EngineParameters parameters, TlsMachineSession session)
            throws SSLException {
        boolean client = owner.getUseClientMode();
        Optional<CertifiedKey> credential = managers.credential(owner, socket, client);
        if (!client && credential.isEmpty()) {
            throw new SSLHandshakeException("no server credential: the key manager chose no alias");
        }
        credential.ifPresent(key -> session.localCertificates(key.chain().certificates()));
        Optional<String> serverName = client ? parameters.serverName(owner.getPeerHost()) : Optional.empty();
        if (client && serverName.isEmpty()) {
            throw new SSLHandshakeException("a client engine needs the server's name: SSLContext.createSSLEngine(host, port)"
                    + " or SSLParameters.setServerNames");
        }
        TlsConfigBuilder config;
        try {
            config = parameters.toConfig(credential, managers.verifier(owner, socket, session::peerCertificates),
                    serverName, managers.random());
        } catch (IllegalArgumentException e) {
            throw new SSLHandshakeException("unusable SSL parameters: " + e.getMessage());
        }
        if (!client) {
            config.clientHelloSelector(new HelloChoices(owner, socket, managers, parameters.sniMatchers(),
                    owner.getHandshakeApplicationProtocolSelector(), session));
        } else {
            serverName.ifPresent(name -> session.offered(requested(name), List.of(), session.getProtocol()));
        }
        if (client && owner.getPeerHost() != null) {
            config.ticketStore(clientSessions.ticketStore(owner.getPeerHost(), owner.getPeerPort()));
        } else if (!client) {
            config.ticketsEnabled(true).ticketKey(serverSessions.ticketKey()).sessionCache(serverSessions.tls12Sessions());
        }
        TlsEngine tls = client ? TlsEngine.client(config.build()) : TlsEngine.server(config.build());
        tls.beginHandshake();
        return tls;
    }

    private static List<SNIServerName> requested(String name) {
        try {
            return List.of(new SNIHostName(name));
        } catch (IllegalArgumentException notAHostName) {
            return List.of();
        }
    }

    /** Keeps {@code session}, whose handshake just ended, in its role's session context. */
    void established(TlsMachineSession session, NegotiatedParameters negotiated, boolean client) {
        (client ? clientSessions : serverSessions).established(session, negotiated.resumed());
    }
}
