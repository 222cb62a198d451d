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

    public TlsConfigBuilder versions(ProtocolVersion... versions) {
        protocol.versions(List.of(versions));
        return this;
    }

    public TlsConfigBuilder cipherSuites(CipherSuite... suites) {
        protocol.cipherSuites(List.of(suites));
        return this;
    }

    public TlsConfigBuilder cipherSuites(List<CipherSuite> suites) {
        protocol.cipherSuites(suites);
        return this;
    }

    public TlsConfigBuilder groups(KeyExchangeGroup... groups) {
        protocol.groups(List.of(groups));
        return this;
    }

    /** Sets the groups a client sends key shares for first (each must be among {@link #groups}). */
    public TlsConfigBuilder keyShareGroups(KeyExchangeGroup... groups) {
        protocol.keyShareGroups(List.of(groups));
        return this;
    }

    public TlsConfigBuilder signatureSchemes(SignatureAlgorithm... schemes) {
        protocol.signatureSchemes(List.of(schemes));
        return this;
    }

    /** Uses this one chain and key (replacing any set before). */
    public TlsConfigBuilder certifiedKey(CertifiedKey key) {
        return certifiedKeys(List.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Uses these chains and keys, in preference order (replacing any set before): a server presents, per handshake,
     * the first that suits the client's signature_algorithms and signature_algorithms_cert and, in TLS 1.2, the
     * suite (RFC 8446 §4.4.2.2, RFC 5246 §7.4.2), e.g. an RSA and an ECDSA certificate; a client uses the first.
     */
    public TlsConfigBuilder certifiedKeys(List<CertifiedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one certified key");
        }
        authentication.certifiedKeys(keys);
        return this;
    }

    /** Uses the certificate chain (leaf first) and private key of two PEM files (they may be one file). */
    public TlsConfigBuilder certifiedKey(Path chainPem, Path keyPem) {
        return certifiedKey(CertifiedKey.load(chainPem, keyPem));
    }

    /** Sets how the peer's certificate chain is verified (use {@code CertificateVerifier.pkix(anchors)}). */
    /**
     * Trusts the certificates of a PEM file (one or more {@code CERTIFICATE} blocks) instead of the JDK's trust store:
     * servers (or, for a server with client authentication, clients) are checked by PKIX (RFC 5280 §6) against them.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no certificate
     */
    public TlsConfigBuilder trust(Path pemFile) {
        return certificateVerifier(CertificateVerifier.pkix(TrustAnchors.fromPem(pemFile)));
    }

    public TlsConfigBuilder certificateVerifier(CertificateVerifier verifier) {
        authentication.certificateVerifier(verifier);
        return this;
    }

    /** INSECURE: accept any server certificate for any name; for tests against throw-away peers only. */
    public TlsConfigBuilder insecureAcceptAnyCertificate() {
        authentication.certificateVerifier(CertificateVerifier.insecureAcceptAnyCertificate());
        return this;
    }

    public TlsConfigBuilder serverName(String name) {
        this.serverName = Objects.requireNonNull(name, "name");
        return this;
    }

    public TlsConfigBuilder applicationProtocols(String... protocols) {
        this.applicationProtocols = List.of(protocols);
        return this;
    }

    public TlsConfigBuilder clientAuth(ClientAuthPolicy policy) {
        authentication.clientAuth(policy);
        return this;
    }

    public TlsConfigBuilder ticketsEnabled(boolean enabled) {
        sessions.ticketsEnabled(enabled);
        return this;
    }

    /**
     * Sets how many NewSessionTickets a TLS 1.3 server with tickets enabled issues after each handshake
     * (default 1; RFC 8446 §4.6.1 allows several, or none); 0 accepts tickets but issues none.
     *
     * @throws IllegalArgumentException unless {@code 0 <= tickets <= SessionConfig.MAX_TICKETS_PER_HANDSHAKE}
     */
    public TlsConfigBuilder ticketsPerHandshake(int tickets) {
        sessions.ticketsPerHandshake(tickets);
        return this;
    }

    /**
     * TLS 1.2: abort the handshake with handshake_failure when the peer does not use the extended master secret (RFC
     * 7627 §5.2). Off by default, as in OpenSSL and rustls: we always offer it, and a session without it completes but
     * is never resumed.
     */
    public TlsConfigBuilder extendedMasterSecretRequired(boolean required) {
        this.extendedMasterSecretRequired = required;
        return this;
    }

    /**
     * TLS 1.2: abort an initial handshake with handshake_failure when the peer signals no secure renegotiation
     * (neither renegotiation_info nor, from a client, the SCSV; RFC 5746 §4.1, §4.3). Off by default: we never
     * renegotiate. We always send the signal ourselves.
     */
    public TlsConfigBuilder secureRenegotiationRequired(boolean required) {
        this.secureRenegotiationRequired = required;
        return this;
    }

    public TlsConfigBuilder middleboxCompatibility(boolean enabled) {
        this.middleboxCompatibility = enabled;
        return this;
    }

    /** Sets the randomness (inject a seeded generator for reproducible tests). */
    public TlsConfigBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /** Sets which cryptography implementation to use (default {@link CryptoBackend#FASTEST}). */
    public TlsConfigBuilder crypto(CryptoBackend backend) {
        this.crypto = CryptoProviders.of(Objects.requireNonNull(backend, "backend"));
        return this;
    }

    /** Uses {@code provider} itself, e.g. one a test wraps to watch the keys it makes (not part of the API). */
    TlsConfigBuilder cryptoProvider(CryptoProvider provider) {
        this.crypto = Objects.requireNonNull(provider, "provider");
        return this;
    }

    public TlsConfigBuilder maxHandshakeMessageSize(int size) {
        recordLayer.maxHandshakeMessageSize(size);
        return this;
    }

    public TlsConfigBuilder keyLog(KeyLog keyLog) {
        this.keyLog = Objects.requireNonNull(keyLog, "keyLog");
        return this;
    }

    /** Client: keep received tickets here and offer one to resume (TLS 1.3 PSK, psk_dhe_ke). */
    public TlsConfigBuilder ticketStore(TicketStore store) {
        sessions.ticketStore(store);
        return this;
    }

    /** Server: seal tickets with this 32-byte key (to share tickets between configurations). */
    public TlsConfigBuilder ticketKey(byte[] key) {
        sessions.ticketKey(key);
        return this;
    }

    /** Sets the PSK modes (psk_dhe_ke keeps forward secrecy; psk_ke does not). */
    public TlsConfigBuilder pskKeyExchangeModes(PskKeyExchangeMode... modes) {
        sessions.pskKeyExchangeModes(List.of(modes));
        return this;
    }

    /** TLS 1.2 server: cache sessions here and resume them by session ID. */
    public TlsConfigBuilder sessionCache(ServerSessionCache cache) {
        sessions.sessionCache(cache);
        return this;
    }

    public TlsConfigBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Advertises record_size_limit {@code limit} (RFC 8449 §4): the largest protected record plaintext we accept,
     * counting TLS 1.3's content type byte; 64 to 2^14 + 1 (TLS 1.2 reads a larger value as 2^14).
     */
    public TlsConfigBuilder recordSizeLimit(int limit) {
        recordLayer.recordSizeLimit(limit);
        return this;
    }

    /** Sets the server's rule for a preferred KEM group the client lists without a share (see {@link KemShareRule}). */
    public TlsConfigBuilder kemShareRule(KemShareRule rule) {
        this.kemShareRule = java.util.Objects.requireNonNull(rule);
        return this;
    }

    /** Server: choose the credential or ALPN list per ClientHello (see {@link ClientHelloSelector}). */
    public TlsConfigBuilder clientHelloSelector(ClientHelloSelector selector) {
        this.clientHelloSelector = java.util.Objects.requireNonNull(selector, "selector");
        return this;
    }

    /** TLS 1.3 server: send a cookie in every HelloRetryRequest and require it in the second ClientHello. */
    public TlsConfigBuilder helloRetryCookies(boolean enabled) {
        this.helloRetryCookies = enabled;
        return this;
    }

    /** TLS 1.3: update the write key (KeyUpdate) once this many application bytes were written under it. */
    public TlsConfigBuilder keyUpdateAfterBytes(long bytes) {
        recordLayer.keyUpdateAfterBytes(bytes);
        return this;
    }

    /** TLS 1.3 client: offer post_handshake_auth and authenticate when the server asks after the handshake. */
    public TlsConfigBuilder postHandshakeAuth(boolean enabled) {
        authentication.postHandshakeAuth(enabled);
        return this;
    }

    /** Sets how our TLS 1.3 records are padded (RFC 8446 §5.4); the default pads nothing. */
    public TlsConfigBuilder paddingPolicy(PaddingPolicy policy) {
        recordLayer.paddingPolicy(policy);
        return this;
    }

    /**
     * TLS 1.3 server: issue tickets allowing up to {@code bytes} of 0-RTT data and accept early data on them (RFC
     * 8446 §4.2.10, §4.6.1); 0 turns 0-RTT off. Accepted early data is replayable (§8): enable it only for requests
     * that are safe to replay.
     */
    public TlsConfigBuilder maxEarlyDataSize(long bytes) {
        sessions.maxEarlyDataSize(bytes);
        return this;
    }

    /** TLS 1.3 server: the anti-replay record to use (default: a new one of the default capacity, when 0-RTT is on). */
    public TlsConfigBuilder earlyDataAntiReplay(EarlyDataAntiReplay antiReplay) {
        sessions.earlyDataAntiReplay(antiReplay);
        return this;
    }

    public TlsConfig build() {
        return new TlsConfig(this);
    }
}
