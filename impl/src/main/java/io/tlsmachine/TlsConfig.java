package io.tlsmachine;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.handshake.ConfigInternals;
import io.tlsmachine.model.ProtocolVersion;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds everything one endpoint is configured with; immutable, built with {@link #builder()}.
 *
 * <p>The values live in focused pieces, each checking its own: {@link ProtocolParameters} (versions, suites, groups,
 * signature schemes), {@link AuthenticationConfig} (our certificate, the peer's verifier, client authentication),
 * {@link SessionConfig} (tickets, PSK modes, session cache) and {@link RecordLayerConfig} (limits, padding, key
 * updates); the rest (server name, ALPN, compatibility switches, randomness, crypto, key log, clock) is held here.
 * The accessors and the builder's setters here are the entry points; they delegate to the pieces.
 *
 * <p>Lists are in preference order. A client verifies the server's certificate with {@link #certificateVerifier()}
 * (the JDK's default trust store unless set; skipping verification must be asked for by name with
 * {@link CertificateVerifier#insecureAcceptAnyCertificate()}). {@link #toString()} never shows the private key.
 */
public final class TlsConfig {

    private final ProtocolParameters protocol;
    private final AuthenticationConfig authentication;
    private final SessionConfig sessions;
    /** The AES-256-GCM key a server seals its tickets with (RFC 8446 §4.6.1): random per configuration unless set. */
    private final Secret ticketKey;
    private final RecordLayerConfig recordLayer;
    private final Optional<String> serverName;
    private final List<String> applicationProtocols;
    private final boolean extendedMasterSecretRequired;
    private final boolean secureRenegotiationRequired;
    private final boolean middleboxCompatibility;
    private final SecureRandom random;
    private final CryptoProvider crypto;
    private final KeyLog keyLog;
    private final Clock clock;
    private final boolean helloRetryCookies;
    private final KemShareRule kemShareRule;
    private final Optional<ClientHelloSelector> clientHelloSelector;
    private final ConfigInternals internals;

    TlsConfig(TlsConfigBuilder b) {
        protocol = b.protocol.build();
        authentication = b.authentication.build();
        serverName = Optional.ofNullable(b.serverName);
        applicationProtocols = List.copyOf(b.applicationProtocols);
        extendedMasterSecretRequired = b.extendedMasterSecretRequired;
        secureRenegotiationRequired = b.secureRenegotiationRequired;
        middleboxCompatibility = b.middleboxCompatibility;
        random = b.random == null ? new SecureRandom() : b.random;
        crypto = b.crypto;
        keyLog = b.keyLog;
        clock = b.clock;
        recordLayer = b.recordLayer.build();
        helloRetryCookies = b.helloRetryCookies;
        kemShareRule = b.kemShareRule;
        clientHelloSelector = Optional.ofNullable(b.clientHelloSelector);
        sessions = b.sessions.build();
        ticketKey = b.sessions.ticketKeyOrFresh(random);
        internals = internalsOf(crypto, ticketKey, sessions);
    }

    private TlsConfig(TlsConfig base, String serverName) {
        protocol = base.protocol;
        authentication = base.authentication;
        sessions = base.sessions;
        ticketKey = base.ticketKey;
        internals = base.internals;
        recordLayer = base.recordLayer;
        this.serverName = Optional.of(serverName);
        applicationProtocols = base.applicationProtocols;
        extendedMasterSecretRequired = base.extendedMasterSecretRequired;
        secureRenegotiationRequired = base.secureRenegotiationRequired;
        middleboxCompatibility = base.middleboxCompatibility;
        random = base.random;
        crypto = base.crypto;
        keyLog = base.keyLog;
        clock = base.clock;
        helloRetryCookies = base.helloRetryCookies;
        kemShareRule = base.kemShareRule;
        clientHelloSelector = base.clientHelloSelector;
    }

    /**
     * {@return this configuration for a connection to {@code name} (sent as server_name, RFC 6066 §3, and the name the
     * server's certificate must match, RFC 6125), sharing everything else, ticket store and session keys included:
     * one configuration serves many hosts}
     * @param name the server's name
     */
    public TlsConfig withServerName(String name) {
        return new TlsConfig(this, Objects.requireNonNull(name, "name"));
    }

    /** {@return a builder with the defaults: TLS 1.3 and 1.2, every suite and group we implement, no certificate} */
    public static TlsConfigBuilder builder() {
        return new TlsConfigBuilder();
    }

    /** {@return a builder holding this configuration's values} */
    public TlsConfigBuilder toBuilder() {
        TlsConfigBuilder b = new TlsConfigBuilder();
        b.protocol = protocol.toBuilder();
        b.authentication = authentication.toBuilder();
        b.sessions = sessions.toBuilder(ticketKey);
        b.recordLayer = recordLayer.toBuilder();
        b.serverName = serverName.orElse(null);
        b.applicationProtocols = applicationProtocols;
        b.extendedMasterSecretRequired = extendedMasterSecretRequired;
        b.secureRenegotiationRequired = secureRenegotiationRequired;
        b.middleboxCompatibility = middleboxCompatibility;
        b.random = random;
        b.crypto = crypto;
        b.keyLog = keyLog;
        b.clock = clock;
        b.helloRetryCookies = helloRetryCookies;
        b.kemShareRule = kemShareRule;
        b.clientHelloSelector = clientHelloSelector.orElse(null);
        return b;
    }

    /** {@return the protocol parameter lists} */
    public ProtocolParameters protocol() {
        return protocol;
    }

    /** {@return our credentials and how the peer is authenticated} */
    public AuthenticationConfig authentication() {
        return authentication;
    }

    /** {@return how sessions are resumed} */
    public SessionConfig sessions() {
        return sessions;
    }

    /** {@return the record and handshake layer limits and policies} */
    public RecordLayerConfig recordLayer() {
        return recordLayer;
    }

    /** {@return the enabled protocol versions, most preferred first} */
    public List<ProtocolVersion> versions() {
        return protocol.versions();
    }

    /**
     * {@return whether {@code version} is enabled}
     * @param version the protocol version
     */
    public boolean supports(ProtocolVersion version) {
        return protocol.supports(version);
    }

    /** {@return the enabled cipher suites, most preferred first} */
    public List<CipherSuite> cipherSuites() {
        return protocol.cipherSuites();
    }

    /** {@return the enabled key exchange groups (supported_groups, RFC 8446 §4.2.7), most preferred first} */
    public List<KeyExchangeGroup> groups() {
        return protocol.groups();
    }

    /** {@return the groups a client sends a key share for in its first TLS 1.3 ClientHello} */
    public List<KeyExchangeGroup> keyShareGroups() {
        return protocol.keyShareGroups();
    }

    /** {@return the enabled signature schemes (signature_algorithms, RFC 8446 §4.2.3), most preferred first} */
    public List<SignatureAlgorithm> signatureSchemes() {
        return protocol.signatureSchemes();
    }

    /** {@return our certificate chain and private key (a server's, or a client's for client authentication)} */
    public Optional<CertifiedKey> certifiedKey() {
        return authentication.certifiedKey();
    }

    /**
     * Our chains and keys in preference order (a server chooses among them per handshake); empty when none.
     * @return our certified keys, most preferred first
     */
    public List<CertifiedKey> certifiedKeys() {
        return authentication.certifiedKeys();
    }

    /** {@return how to verify the peer's chain; empty means the JDK's default trust store} */
    public Optional<CertificateVerifier> certificateVerifier() {
        return authentication.certificateVerifier();
    }

    /** {@return the verifier to use: the configured one, else PKIX against the JDK's default trust store} */
    public CertificateVerifier effectiveCertificateVerifier() {
        return authentication.effectiveCertificateVerifier();
    }

    /** {@return the server name a client sends (SNI, RFC 6066 §3) and checks the certificate against} */
    public Optional<String> serverName() {
        return serverName;
    }

    /** {@return the server's choice of configuration per ClientHello, if it has one} */
    public Optional<ClientHelloSelector> clientHelloSelector() {
        return clientHelloSelector;
    }

    /** {@return the ALPN protocol names (RFC 7301), in preference order} */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** {@return whether a server asks for, or requires, a client certificate} */
    public ClientAuthPolicy clientAuth() {
        return authentication.clientAuth();
    }

    /**
     * {@return whether a TLS 1.3 server issues a NewSessionTicket after the handshake and accepts tickets (RFC 8446 §4.6.1)}
     */
    public boolean ticketsEnabled() {
        return sessions.ticketsEnabled();
    }

    /**
     * How many NewSessionTickets a TLS 1.3 server with tickets enabled issues after each handshake (RFC 8446 §4.6.1).
     * @return the number of tickets per handshake
     */
    public int ticketsPerHandshake() {
        return sessions.ticketsPerHandshake();
    }

    /**
     * RFC 7627 §5.2: abort a TLS 1.2 handshake whose peer does not use the extended master secret (default false:
     * such a handshake completes, but its session is never resumed and exports no keying material, §5.3, §5.4).
     * @return whether the extended master secret is required
     */
    public boolean extendedMasterSecretRequired() {
        return extendedMasterSecretRequired;
    }

    /**
     * RFC 5746 §4.1, §4.3: abort an initial TLS 1.2 handshake whose peer does not signal secure renegotiation
     * (default false: we never renegotiate, so nothing depends on the signal).
     * @return whether secure renegotiation signalling is required
     */
    public boolean secureRenegotiationRequired() {
        return secureRenegotiationRequired;
    }

    /**
     * RFC 8446 Appendix D.4: a client sends a legacy_session_id and dummy ChangeCipherSpec records.
     * @return whether middlebox compatibility mode is on
     */
    public boolean middleboxCompatibility() {
        return middleboxCompatibility;
    }

    /** {@return the source of randomness for nonces, keys and padding} */
    public SecureRandom random() {
        return random;
    }

    /** {@return the largest handshake message accepted from the peer, in bytes} */
    public int maxHandshakeMessageSize() {
        return recordLayer.maxHandshakeMessageSize();
    }

    /** {@return where the connection's secrets are logged (NSS key log format), by default nowhere} */
    public KeyLog keyLog() {
        return keyLog;
    }

    /** {@return where a client keeps tickets and finds one to resume with; empty: no resumption} */
    public Optional<TicketStore> ticketStore() {
        return sessions.ticketStore();
    }

    /**
     * {@return the AES-256-GCM key a server seals its tickets with: random per configuration unless set, so every
     * engine built from one configuration accepts the others' tickets}
     */
    Secret ticketKey() {
        return ticketKey;
    }

    private static ConfigInternals internalsOf(CryptoProvider crypto, Secret ticketKey, SessionConfig sessions) {
        return new ConfigInternals(crypto, ticketKey, sessions.ticketStore().map(TicketStore::tickets),
                sessions.sessionCache().map(ServerSessionCache::sessions));
    }

    /** What the engine reads beyond the public accessors: the crypto provider, ticket key, tickets and sessions. */
    ConfigInternals internals() {
        return internals;
    }

    /**
     * RFC 8446 §4.2.9: the PSK key exchange modes a client offers and a server accepts, in preference order.
     * @return the PSK key exchange modes, most preferred first
     */
    public List<PskKeyExchangeMode> pskKeyExchangeModes() {
        return sessions.pskModes();
    }

    /** {@return where a TLS 1.2 server keeps sessions for resumption by session ID; empty: none} */
    public Optional<ServerSessionCache> sessionCache() {
        return sessions.sessionCache();
    }

    /** {@return the clock for ticket lifetimes and ages} */
    public Clock clock() {
        return clock;
    }

    /** {@return the record_size_limit we advertise (RFC 8449); empty: the extension is not sent} */
    public Optional<Integer> recordSizeLimit() {
        return recordLayer.recordSizeLimit();
    }

    /** {@return how our TLS 1.3 records are padded (RFC 8446 §5.4)} */
    public PaddingPolicy paddingPolicy() {
        return recordLayer.paddingPolicy();
    }

    /** {@return what a TLS 1.3 server does when the client lists a preferred KEM group without a share for it} */
    public KemShareRule kemShareRule() {
        return kemShareRule;
    }

    /**
     * {@return whether a TLS 1.3 server puts a cookie in its HelloRetryRequest and requires it back (RFC 8446 §4.2.2)}
     */
    public boolean helloRetryCookies() {
        return helloRetryCookies;
    }

    /**
     * {@return the application data volume after which a TLS 1.3 endpoint updates its write key before writing more;
     * empty: only near the AEAD limit (RFC 8446 §5.5)}
     */
    public Optional<Long> keyUpdateAfterBytes() {
        return recordLayer.keyUpdateAfterBytes();
    }

    /**
     * TLS 1.3 server: the max_early_data_size its tickets allow (RFC 8446 §4.6.1); 0 (the default) accepts no 0-RTT.
     * @return the largest amount of early data a ticket allows, in bytes
     */
    public long maxEarlyDataSize() {
        return sessions.maxEarlyDataSize();
    }

    /**
     * TLS 1.3 server accepting 0-RTT: the single-use record of tickets (RFC 8446 §8.1) its connections share.
     * @return the anti-replay record, empty when 0-RTT is off
     */
    public Optional<EarlyDataAntiReplay> earlyDataAntiReplay() {
        return sessions.earlyDataAntiReplay();
    }

    /**
     * {@return whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6) and answers CertificateRequests after the handshake}
     */
    public boolean postHandshakeAuth() {
        return authentication.postHandshakeAuth();
    }

    @Override
    public String toString() {
        return "TlsConfig[versions=" + versions() + ", suites=" + cipherSuites().size() + ", groups=" + groups()
                + ", certificates=" + certifiedKeys().stream().map(k -> k.chain().leaf().getSubjectX500Principal().getName()).toList()
                + ", serverName=" + serverName.orElse("none") + ", alpn=" + applicationProtocols + ", clientAuth=" + clientAuth()
                + ", crypto=" + crypto.name() + "]";
    }
}
