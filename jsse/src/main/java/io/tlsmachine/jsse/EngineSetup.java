package io.tlsmachine.jsse;

import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.TicketStore;
import java.security.SecureRandom;
import java.util.HexFormat;
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
    /** The groups {@code jdk.tls.namedGroups} names when the context was initialised (as BCJSSE reads it). */
    private final Optional<List<KeyExchangeGroup>> groups;

    /**
     * Sets up the engines of one initialised context.
     *
     * @throws IllegalArgumentException when {@code jdk.tls.namedGroups} names no group we support
     */
    EngineSetup(Managers managers) {
        this.managers = managers;
        this.groups = NamedGroupsProperty.current();
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
        boolean newSession = owner.getEnableSessionCreation();
        if (!client && !newSession) {
            throw new UnsupportedOperationException("SSLEngine.setEnableSessionCreation(false) on a server is not supported");
        }
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
            config = parameters.toConfig(credential, managers.verifier(owner, socket, newSession, session::peerCertificates),
                    serverName, managers.random());
        } catch (IllegalArgumentException e) {
            throw new SSLHandshakeException("unusable SSL parameters: " + e.getMessage());
        }
        groups.ifPresent(named -> config.groups(named.toArray(KeyExchangeGroup[]::new)));
        if (!client) {
            config.clientHelloSelector(new HelloChoices(owner, socket, managers, parameters.sniMatchers(),
                    owner.getHandshakeApplicationProtocolSelector(), session, parameters.useCipherSuitesOrder()));
        } else {
            serverName.ifPresent(name -> session.offered(requested(name), List.of(), session.getProtocol()));
        }
        if (client && owner.getPeerHost() != null) {
            TicketStore tickets = clientSessions.ticketStore(owner.getPeerHost(), owner.getPeerPort());
            requireResumable(newSession, tickets.has(serverName.orElseThrow()));
            config.ticketStore(tickets);
        } else if (client) {
            requireResumable(newSession, false);
        } else {
            config.ticketsEnabled(true).ticketKey(serverSessions.ticketKey()).sessionCache(serverSessions.tls12Sessions());
        }
        TlsEngine tls = client ? TlsEngine.client(config.build()) : TlsEngine.server(config.build());
        tls.beginHandshake();
        return tls;
    }

    /**
     * SunJSSE's rule for a client that may create no session: without one to resume the handshake does not start.
     * (One that the server declines to resume fails when its certificate comes: see {@link Managers#verifier}.)
     */
    private static void requireResumable(boolean newSessionAllowed, boolean resumable) throws SSLHandshakeException {
        if (!newSessionAllowed && !resumable) {
            throw new SSLHandshakeException("No new session is allowed and no existing session can be resumed");
        }
    }

    private static List<SNIServerName> requested(String name) {
        try {
            return List.of(new SNIHostName(name));
        } catch (IllegalArgumentException notAHostName) {
            return List.of();
        }
    }

    /**
     * Keeps {@code session}, whose handshake just ended, in its role's session context; a server's session takes the
     * engine's identity of it, which a resumption keeps, so that the resumed session continues the original.
     */
    void established(TlsMachineSession session, NegotiatedParameters negotiated, boolean client) {
        if (!client) {
            negotiated.sessionIdentity().map(HexFormat.of()::parseHex).ifPresent(session::identity);
        }
        (client ? clientSessions : serverSessions).established(session, negotiated.resumed());
    }
}
