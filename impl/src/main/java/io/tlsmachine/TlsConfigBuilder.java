package io.tlsmachine;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Collects the values of a {@link TlsConfig} ({@link TlsConfig#builder()}); every setter checks its argument and returns
 * this builder.
 */
public final class TlsConfigBuilder {
    ProtocolParameters.Builder protocol = new ProtocolParameters.Builder();
    AuthenticationConfig.Builder authentication = new AuthenticationConfig.Builder();
    SessionConfig.Builder sessions = new SessionConfig.Builder();
    RecordLayerConfig.Builder recordLayer = new RecordLayerConfig.Builder();
    String serverName;
    List<String> applicationProtocols = List.of();
    boolean extendedMasterSecretRequired;
    boolean secureRenegotiationRequired;
    boolean middleboxCompatibility = true;
    SecureRandom random;
    CryptoProvider crypto = CryptoProviders.fastest();
    KeyLog keyLog = KeyLog.disabled();
    Clock clock = Clock.systemUTC();
    boolean helloRetryCookies;
    KemShareRule kemShareRule = KemShareRule.ACCEPT_CLASSICAL_SHARE;
    ClientHelloSelector clientHelloSelector;

    TlsConfigBuilder() {
    }

    /**
     * Sets the protocol versions to enable, most preferred first (default TLS 1.3 and TLS 1.2).
     * @param versions the versions
     * @return this builder
     */
    public TlsConfigBuilder versions(ProtocolVersion... versions) {
        protocol.versions(List.of(versions));
        return this;
    }

    /**
     * Sets the cipher suites to enable, most preferred first.
     * @param suites the suites
     * @return this builder
     */
    public TlsConfigBuilder cipherSuites(CipherSuite... suites) {
        protocol.cipherSuites(List.of(suites));
        return this;
    }

    /**
     * Sets the cipher suites to enable, most preferred first.
     * @param suites the suites
     * @return this builder
     */
    public TlsConfigBuilder cipherSuites(List<CipherSuite> suites) {
        protocol.cipherSuites(suites);
        return this;
    }

    /**
     * Sets the key exchange groups to enable (supported_groups, RFC 8446 §4.2.7), most preferred first.
     * @param groups the groups
     * @return this builder
     */
    public TlsConfigBuilder groups(KeyExchangeGroup... groups) {
        protocol.groups(List.of(groups));
        return this;
    }

    /**
     * Sets the groups a client sends key shares for first (each must be among {@link #groups}).
     * @param groups the groups to send key shares for
     * @return this builder
     */
    public TlsConfigBuilder keyShareGroups(KeyExchangeGroup... groups) {
        protocol.keyShareGroups(List.of(groups));
        return this;
    }

    /**
     * Sets the signature schemes to enable (signature_algorithms, RFC 8446 §4.2.3), most preferred first.
     * @param schemes the schemes
     * @return this builder
     */
    public TlsConfigBuilder signatureSchemes(SignatureAlgorithm... schemes) {
        protocol.signatureSchemes(List.of(schemes));
        return this;
    }

    /**
     * Uses this one chain and key (replacing any set before).
     * @param key the chain and key
     * @return this builder
     */
    public TlsConfigBuilder certifiedKey(CertifiedKey key) {
        return certifiedKeys(List.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Uses these chains and keys, in preference order (replacing any set before): a server presents, per handshake,
     * the first that suits the client's signature_algorithms and signature_algorithms_cert and, in TLS 1.2, the
     * suite (RFC 8446 §4.4.2.2, RFC 5246 §7.4.2), e.g. an RSA and an ECDSA certificate; a client uses the first.
     * @param keys the chains and keys, most preferred first
     * @return this builder
     */
    public TlsConfigBuilder certifiedKeys(List<CertifiedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one certified key");
        }
        authentication.certifiedKeys(keys);
        return this;
    }

    /**
     * Uses the certificate chain (leaf first) and private key of two PEM files (they may be one file).
     * @param chainPem the PEM file of the chain, leaf first
     * @param keyPem the PEM file of the private key
     * @return this builder
     */
    public TlsConfigBuilder certifiedKey(Path chainPem, Path keyPem) {
        return certifiedKey(CertifiedKey.load(chainPem, keyPem));
    }

    /**
     * Trusts the certificates of a PEM file (one or more {@code CERTIFICATE} blocks) instead of the JDK's trust store:
     * servers (or, for a server with client authentication, clients) are checked by PKIX (RFC 5280 §6) against them.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no certificate
     * @param pemFile the PEM file of the trust anchors
     * @return this builder
     */
    public TlsConfigBuilder trust(Path pemFile) {
        return certificateVerifier(CertificateVerifier.pkix(TrustAnchors.fromPem(pemFile)));
    }

    /**
     * Sets how the peer's certificate chain is verified (use {@code CertificateVerifier.pkix(anchors)}).
     *
     * @param verifier the verifier
     * @return this builder
     */
    public TlsConfigBuilder certificateVerifier(CertificateVerifier verifier) {
        authentication.certificateVerifier(verifier);
        return this;
    }

    /**
     * INSECURE: accept any server certificate for any name; for tests against throw-away peers only.
     * @return this builder
     */
    public TlsConfigBuilder insecureAcceptAnyCertificate() {
        authentication.certificateVerifier(CertificateVerifier.insecureAcceptAnyCertificate());
        return this;
    }

    /**
     * Sets the server name a client sends (server_name, RFC 6066 §3) and checks the server's certificate against.
     * @param name a DNS name or IP literal
     * @return this builder
     */
    public TlsConfigBuilder serverName(String name) {
        this.serverName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets the ALPN protocol names (RFC 7301), most preferred first; none: no ALPN.
     * @param protocols the protocol names, e.g. {@code h2}
     * @return this builder
     */
    public TlsConfigBuilder applicationProtocols(String... protocols) {
        this.applicationProtocols = List.of(protocols);
        return this;
    }

    /**
     * Sets whether a server asks for, or requires, a client certificate (default: none).
     * @param policy the policy
     * @return this builder
     */
    public TlsConfigBuilder clientAuth(ClientAuthPolicy policy) {
        authentication.clientAuth(policy);
        return this;
    }

    /**
     * Sets whether a server issues session tickets after the handshake and accepts them to resume (RFC 8446 §4.6.1, RFC 5077).
     * @param enabled whether tickets are on
     * @return this builder
     */
    public TlsConfigBuilder ticketsEnabled(boolean enabled) {
        sessions.ticketsEnabled(enabled);
        return this;
    }

    /**
     * Sets how many NewSessionTickets a TLS 1.3 server with tickets enabled issues after each handshake
     * (default 1; RFC 8446 §4.6.1 allows several, or none); 0 accepts tickets but issues none.
     *
     * @throws IllegalArgumentException unless {@code 0 <= tickets <= SessionConfig.MAX_TICKETS_PER_HANDSHAKE}
     * @param tickets tickets per handshake
     * @return this builder
     */
    public TlsConfigBuilder ticketsPerHandshake(int tickets) {
        sessions.ticketsPerHandshake(tickets);
        return this;
    }

    /**
     * TLS 1.2: abort the handshake with handshake_failure when the peer does not use the extended master secret (RFC
     * 7627 §5.2). Off by default, as in OpenSSL and rustls: we always offer it, and a session without it completes but
     * is never resumed.
     * @param required whether to require it
     * @return this builder
     */
    public TlsConfigBuilder extendedMasterSecretRequired(boolean required) {
        this.extendedMasterSecretRequired = required;
        return this;
    }

    /**
     * TLS 1.2: abort an initial handshake with handshake_failure when the peer signals no secure renegotiation
     * (neither renegotiation_info nor, from a client, the SCSV; RFC 5746 §4.1, §4.3). Off by default: we never
     * renegotiate. We always send the signal ourselves.
     * @param required whether to require it
     * @return this builder
     */
    public TlsConfigBuilder secureRenegotiationRequired(boolean required) {
        this.secureRenegotiationRequired = required;
        return this;
    }

    /**
     * Sets whether a TLS 1.3 client uses middlebox compatibility mode (RFC 8446 Appendix D.4; default on).
     * @param enabled whether it is on
     * @return this builder
     */
    public TlsConfigBuilder middleboxCompatibility(boolean enabled) {
        this.middleboxCompatibility = enabled;
        return this;
    }

    /**
     * Sets the randomness (inject a seeded generator for reproducible tests).
     * @param random the source of randomness
     * @return this builder
     */
    public TlsConfigBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Sets which cryptography implementation to use (default {@link CryptoBackend#FASTEST}).
     * @param backend the implementation
     * @return this builder
     */
    public TlsConfigBuilder crypto(CryptoBackend backend) {
        this.crypto = CryptoProviders.of(Objects.requireNonNull(backend, "backend"));
        return this;
    }

    /** Uses {@code provider} itself, e.g. one a test wraps to watch the keys it makes (not part of the API). */
    TlsConfigBuilder cryptoProvider(CryptoProvider provider) {
        this.crypto = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /**
     * Sets the largest handshake message accepted from the peer (default 64 KiB; a Certificate may still have 256 KiB).
     * @param size the limit in bytes
     * @return this builder
     */
    public TlsConfigBuilder maxHandshakeMessageSize(int size) {
        recordLayer.maxHandshakeMessageSize(size);
        return this;
    }

    /**
     * Sets where the connection's secrets are logged (NSS key log format; default: nowhere).
     * @param keyLog the key log
     * @return this builder
     */
    public TlsConfigBuilder keyLog(KeyLog keyLog) {
        this.keyLog = Objects.requireNonNull(keyLog, "keyLog");
        return this;
    }

    /**
     * Client: keep received tickets here and offer one to resume (TLS 1.3 PSK, psk_dhe_ke).
     * @param store where tickets are kept
     * @return this builder
     */
    public TlsConfigBuilder ticketStore(TicketStore store) {
        sessions.ticketStore(store);
        return this;
    }

    /**
     * Server: seal tickets with this 32-byte key (to share tickets between configurations).
     * @param key the 32-byte ticket key
     * @return this builder
     */
    public TlsConfigBuilder ticketKey(byte[] key) {
        sessions.ticketKey(key);
        return this;
    }

    /**
     * Sets the PSK modes (psk_dhe_ke keeps forward secrecy; psk_ke does not).
     * @param modes the modes, most preferred first
     * @return this builder
     */
    public TlsConfigBuilder pskKeyExchangeModes(PskKeyExchangeMode... modes) {
        sessions.pskKeyExchangeModes(List.of(modes));
        return this;
    }

    /**
     * TLS 1.2 server: cache sessions here and resume them by session ID.
     * @param cache the session cache
     * @return this builder
     */
    public TlsConfigBuilder sessionCache(ServerSessionCache cache) {
        sessions.sessionCache(cache);
        return this;
    }

    /**
     * Sets the clock for ticket lifetimes and ages (inject a fixed one for reproducible tests).
     * @param clock the clock
     * @return this builder
     */
    public TlsConfigBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Advertises record_size_limit {@code limit} (RFC 8449 §4): the largest protected record plaintext we accept,
     * counting TLS 1.3's content type byte; 64 to 2^14 + 1 (TLS 1.2 reads a larger value as 2^14).
     * @param limit the record size limit to advertise
     * @return this builder
     */
    public TlsConfigBuilder recordSizeLimit(int limit) {
        recordLayer.recordSizeLimit(limit);
        return this;
    }

    /**
     * Sets the server's rule for a preferred KEM group the client lists without a share (see {@link KemShareRule}).
     * @param rule the rule
     * @return this builder
     */
    public TlsConfigBuilder kemShareRule(KemShareRule rule) {
        this.kemShareRule = java.util.Objects.requireNonNull(rule);
        return this;
    }

    /**
     * Server: choose the credential or ALPN list per ClientHello (see {@link ClientHelloSelector}).
     * @param selector the selector
     * @return this builder
     */
    public TlsConfigBuilder clientHelloSelector(ClientHelloSelector selector) {
        this.clientHelloSelector = java.util.Objects.requireNonNull(selector, "selector");
        return this;
    }

    /**
     * TLS 1.3 server: send a cookie in every HelloRetryRequest and require it in the second ClientHello.
     * @param enabled whether to send cookies
     * @return this builder
     */
    public TlsConfigBuilder helloRetryCookies(boolean enabled) {
        this.helloRetryCookies = enabled;
        return this;
    }

    /**
     * TLS 1.3: update the write key (KeyUpdate) once this many application bytes were written under it.
     * @param bytes the bytes written under one key
     * @return this builder
     */
    public TlsConfigBuilder keyUpdateAfterBytes(long bytes) {
        recordLayer.keyUpdateAfterBytes(bytes);
        return this;
    }

    /**
     * TLS 1.3 client: offer post_handshake_auth and authenticate when the server asks after the handshake.
     * @param enabled whether to offer post-handshake authentication
     * @return this builder
     */
    public TlsConfigBuilder postHandshakeAuth(boolean enabled) {
        authentication.postHandshakeAuth(enabled);
        return this;
    }

    /**
     * Sets how our TLS 1.3 records are padded (RFC 8446 §5.4); the default pads nothing.
     * @param policy the padding policy
     * @return this builder
     */
    public TlsConfigBuilder paddingPolicy(PaddingPolicy policy) {
        recordLayer.paddingPolicy(policy);
        return this;
    }

    /**
     * TLS 1.3 server: issue tickets allowing up to {@code bytes} of 0-RTT data and accept early data on them (RFC
     * 8446 §4.2.10, §4.6.1); 0 turns 0-RTT off. Accepted early data is replayable (§8): enable it only for requests
     * that are safe to replay.
     * @param bytes the largest amount of early data, in bytes
     * @return this builder
     */
    public TlsConfigBuilder maxEarlyDataSize(long bytes) {
        sessions.maxEarlyDataSize(bytes);
        return this;
    }

    /**
     * TLS 1.3 server: the anti-replay record to use (default: a new one of the default capacity, when 0-RTT is on).
     * @param antiReplay the anti-replay record
     * @return this builder
     */
    public TlsConfigBuilder earlyDataAntiReplay(EarlyDataAntiReplay antiReplay) {
        sessions.earlyDataAntiReplay(antiReplay);
        return this;
    }

    /** {@return the immutable configuration of the values set so far} */
    public TlsConfig build() {
        return new TlsConfig(this);
    }
}
