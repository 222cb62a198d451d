package io.tlsmachine.impl.config;

import io.tlsmachine.impl.certificate.CertificateVerifier;
import io.tlsmachine.impl.certificate.CertifiedKey;
import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.impl.codec.types.PskKeyExchangeMode;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.CryptoProviders;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.SignatureAlgorithm;
import io.tlsmachine.impl.keylog.KeyLog;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.record.PaddingPolicy;
import io.tlsmachine.impl.record.RecordLimits;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds everything one endpoint is configured with; immutable, built with {@link #builder()}.
 *
 * <p>Lists are in preference order. A client verifies the server's certificate with {@link #certificateVerifier()}
 * (the JDK's default trust store unless set; skipping verification must be asked for by name with
 * {@link CertificateVerifier#insecureAcceptAnyCertificate()}). {@link #toString()} never shows the private key.
 */
public final class TlsConfig {

    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<KeyExchangeGroup> groups;
    private final List<KeyExchangeGroup> keyShareGroups;
    private final List<SignatureAlgorithm> signatureSchemes;
    private final Optional<CertifiedKey> certifiedKey;
    private final Optional<CertificateVerifier> certificateVerifier;
    private final Optional<String> serverName;
    private final List<String> applicationProtocols;
    private final ClientAuthPolicy clientAuth;
    private final boolean ticketsEnabled;
    private final boolean extendedMasterSecretRequired;
    private final boolean middleboxCompatibility;
    private final SecureRandom random;
    private final CryptoProvider crypto;
    private final int maxHandshakeMessageSize;
    private final KeyLog keyLog;
    private final Optional<TicketStore> ticketStore;
    private final Secret ticketKey;
    private final Clock clock;
    private final List<PskKeyExchangeMode> pskModes;
    private final Optional<ServerSessionCache> sessionCache;
    private final Optional<Integer> recordSizeLimit;
    private final PaddingPolicy paddingPolicy;
    private final boolean helloRetryCookies;
    private final Optional<Long> keyUpdateAfterBytes;
    private final boolean postHandshakeAuth;
    private final long maxEarlyDataSize;
    private final EarlyDataAntiReplay earlyDataAntiReplay;

    private TlsConfig(Builder b) {
        versions = List.copyOf(b.versions);
        cipherSuites = List.copyOf(b.cipherSuites);
        groups = List.copyOf(b.groups);
        keyShareGroups = b.keyShareGroups == null ? List.of(groups.get(0)) : List.copyOf(b.keyShareGroups);
        signatureSchemes = List.copyOf(b.signatureSchemes);
        certifiedKey = Optional.ofNullable(b.certifiedKey);
        certificateVerifier = Optional.ofNullable(b.certificateVerifier);
        serverName = Optional.ofNullable(b.serverName);
        applicationProtocols = List.copyOf(b.applicationProtocols);
        clientAuth = b.clientAuth;
        ticketsEnabled = b.ticketsEnabled;
        extendedMasterSecretRequired = b.extendedMasterSecretRequired;
        middleboxCompatibility = b.middleboxCompatibility;
        random = b.random == null ? new SecureRandom() : b.random;
        crypto = b.crypto;
        maxHandshakeMessageSize = b.maxHandshakeMessageSize;
        keyLog = b.keyLog;
        ticketStore = Optional.ofNullable(b.ticketStore);
        clock = b.clock;
        pskModes = List.copyOf(b.pskModes);
        sessionCache = Optional.ofNullable(b.sessionCache);
        recordSizeLimit = Optional.ofNullable(b.recordSizeLimit);
        paddingPolicy = b.paddingPolicy;
        helloRetryCookies = b.helloRetryCookies;
        keyUpdateAfterBytes = Optional.ofNullable(b.keyUpdateAfterBytes);
        postHandshakeAuth = b.postHandshakeAuth;
        maxEarlyDataSize = b.maxEarlyDataSize;
        earlyDataAntiReplay = b.earlyDataAntiReplay != null ? b.earlyDataAntiReplay
                : maxEarlyDataSize > 0 ? new EarlyDataAntiReplay(EarlyDataAntiReplay.DEFAULT_CAPACITY) : null;
        if (b.ticketKey != null) {
            ticketKey = b.ticketKey;
        } else {
            byte[] key = new byte[32];
            random.nextBytes(key);
            ticketKey = Secret.adopt(key);
        }
        if (versions.isEmpty() || cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("versions, cipher suites, groups and signature schemes must not be empty");
        }
        if (!groups.containsAll(keyShareGroups)) {
            throw new IllegalArgumentException("key share groups " + keyShareGroups + " must be among the groups " + groups);
        }
    }

    /** Returns a builder with the defaults: TLS 1.3 and 1.2, every suite and group we implement, no certificate. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.versions = versions;
        b.cipherSuites = cipherSuites;
        b.groups = groups;
        b.keyShareGroups = keyShareGroups;
        b.signatureSchemes = signatureSchemes;
        b.certifiedKey = certifiedKey.orElse(null);
        b.certificateVerifier = certificateVerifier.orElse(null);
        b.serverName = serverName.orElse(null);
        b.applicationProtocols = applicationProtocols;
        b.clientAuth = clientAuth;
        b.ticketsEnabled = ticketsEnabled;
        b.extendedMasterSecretRequired = extendedMasterSecretRequired;
        b.middleboxCompatibility = middleboxCompatibility;
        b.random = random;
        b.crypto = crypto;
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.keyLog = keyLog;
        b.ticketStore = ticketStore.orElse(null);
        b.ticketKey = ticketKey;
        b.clock = clock;
        b.pskModes = pskModes;
        b.sessionCache = sessionCache.orElse(null);
        b.recordSizeLimit = recordSizeLimit.orElse(null);
        b.paddingPolicy = paddingPolicy;
        b.helloRetryCookies = helloRetryCookies;
        b.keyUpdateAfterBytes = keyUpdateAfterBytes.orElse(null);
        b.postHandshakeAuth = postHandshakeAuth;
        b.maxEarlyDataSize = maxEarlyDataSize;
        b.earlyDataAntiReplay = earlyDataAntiReplay;
        return b;
    }

    public List<ProtocolVersion> versions() {
        return versions;
    }

    public boolean supports(ProtocolVersion version) {
        return versions.contains(version);
    }

    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    public List<KeyExchangeGroup> groups() {
        return groups;
    }

    /** Returns the groups a client sends a key share for in its first TLS 1.3 ClientHello. */
    public List<KeyExchangeGroup> keyShareGroups() {
        return keyShareGroups;
    }

    public List<SignatureAlgorithm> signatureSchemes() {
        return signatureSchemes;
    }

    /** Returns our certificate chain and private key (a server's, or a client's for client authentication). */
    public Optional<CertifiedKey> certifiedKey() {
        return certifiedKey;
    }

    /** Returns how to verify the peer's chain; empty means the JDK's default trust store. */
    public Optional<CertificateVerifier> certificateVerifier() {
        return certificateVerifier;
    }

    /** Returns the verifier to use: the configured one, else PKIX against the JDK's default trust store. */
    public CertificateVerifier effectiveCertificateVerifier() {
        return certificateVerifier.orElseGet(CertificateVerifier::jdkDefault);
    }

    /** Returns the server name a client sends (SNI, RFC 6066 §3) and checks the certificate against. */
    public Optional<String> serverName() {
        return serverName;
    }

    /** Returns the ALPN protocol names (RFC 7301), in preference order. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    public ClientAuthPolicy clientAuth() {
        return clientAuth;
    }

    /** Whether a TLS 1.3 server issues a NewSessionTicket after the handshake and accepts tickets (RFC 8446 §4.6.1). */
    public boolean ticketsEnabled() {
        return ticketsEnabled;
    }

    /** RFC 7627 §5.3, §5.4: abort a TLS 1.2 handshake without extended master secret. */
    public boolean extendedMasterSecretRequired() {
        return extendedMasterSecretRequired;
    }

    /** RFC 8446 Appendix D.4: a client sends a legacy_session_id and dummy ChangeCipherSpec records. */
    public boolean middleboxCompatibility() {
        return middleboxCompatibility;
    }

    public SecureRandom random() {
        return random;
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    public KeyLog keyLog() {
        return keyLog;
    }

    /** Returns where a client keeps tickets and finds one to resume with; empty: no resumption. */
    public Optional<TicketStore> ticketStore() {
        return ticketStore;
    }

    /**
     * Returns the AES-256-GCM key a server seals its tickets with: random per configuration unless set, so every
     * engine built from one configuration accepts the others' tickets.
     */
    public Secret ticketKey() {
        return ticketKey;
    }

    /** RFC 8446 §4.2.9: the PSK key exchange modes a client offers and a server accepts, in preference order. */
    public List<PskKeyExchangeMode> pskKeyExchangeModes() {
        return pskModes;
    }

    /** Returns where a TLS 1.2 server keeps sessions for resumption by session ID; empty: none. */
    public Optional<ServerSessionCache> sessionCache() {
        return sessionCache;
    }

    /** Returns the clock for ticket lifetimes and ages. */
    public Clock clock() {
        return clock;
    }

    /** Returns the record_size_limit we advertise (RFC 8449); empty: the extension is not sent. */
    public Optional<Integer> recordSizeLimit() {
        return recordSizeLimit;
    }

    /** Returns how our TLS 1.3 records are padded (RFC 8446 §5.4). */
    public PaddingPolicy paddingPolicy() {
        return paddingPolicy;
    }

    /** Whether a TLS 1.3 server puts a cookie in its HelloRetryRequest and requires it back (RFC 8446 §4.2.2). */
    public boolean helloRetryCookies() {
        return helloRetryCookies;
    }

    /**
     * Returns the application data volume after which a TLS 1.3 endpoint updates its write key before writing more;
     * empty: only near the AEAD limit (RFC 8446 §5.5).
     */
    public Optional<Long> keyUpdateAfterBytes() {
        return keyUpdateAfterBytes;
    }

    /** Whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6) and answers CertificateRequests after the handshake. */
    /** TLS 1.3 server: the max_early_data_size its tickets allow (RFC 8446 §4.6.1); 0 (the default) accepts no 0-RTT. */
    public long maxEarlyDataSize() {
        return maxEarlyDataSize;
    }

    /** TLS 1.3 server accepting 0-RTT: the single-use record of tickets (RFC 8446 §8.1) its connections share. */
    public Optional<EarlyDataAntiReplay> earlyDataAntiReplay() {
        return Optional.ofNullable(earlyDataAntiReplay);
    }

    public boolean postHandshakeAuth() {
        return postHandshakeAuth;
    }

    @Override
    public String toString() {
        return "TlsConfig[versions=" + versions + ", suites=" + cipherSuites.size() + ", groups=" + groups
                + ", certificate=" + certifiedKey.map(k -> k.chain().leaf().getSubjectX500Principal().getName()).orElse("none")
                + ", serverName=" + serverName.orElse("none") + ", alpn=" + applicationProtocols + ", clientAuth=" + clientAuth
                + ", crypto=" + crypto.name() + "]";
    }

    /** Collects configuration values; every setter checks its argument and returns this builder. */
    public static final class Builder {
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        private List<CipherSuite> cipherSuites = concat(TlsDefaults.TLS13_SUITES, TlsDefaults.TLS12_SUITES);
        private List<KeyExchangeGroup> groups = TlsDefaults.GROUPS;
        private List<KeyExchangeGroup> keyShareGroups;
        private List<SignatureAlgorithm> signatureSchemes = TlsDefaults.SIGNATURE_SCHEMES;
        private CertifiedKey certifiedKey;
        private CertificateVerifier certificateVerifier;
        private String serverName;
        private List<String> applicationProtocols = List.of();
        private ClientAuthPolicy clientAuth = ClientAuthPolicy.NONE;
        private boolean ticketsEnabled;
        private boolean extendedMasterSecretRequired = true;
        private boolean middleboxCompatibility = true;
        private SecureRandom random;
        private CryptoProvider crypto = CryptoProviders.fastest();
        private int maxHandshakeMessageSize = TlsDefaults.MAX_HANDSHAKE_MESSAGE_SIZE;
        private KeyLog keyLog = KeyLog.disabled();
        private TicketStore ticketStore;
        private Secret ticketKey;
        private Clock clock = Clock.systemUTC();
        private List<PskKeyExchangeMode> pskModes = List.of(PskKeyExchangeMode.PSK_DHE_KE);
        private ServerSessionCache sessionCache;
        private Integer recordSizeLimit;
        private PaddingPolicy paddingPolicy = PaddingPolicy.none();
        private boolean helloRetryCookies;
        private Long keyUpdateAfterBytes;
        private boolean postHandshakeAuth;
        private long maxEarlyDataSize;
        private EarlyDataAntiReplay earlyDataAntiReplay;

        private Builder() {
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            java.util.ArrayList<T> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }

        public Builder versions(ProtocolVersion... versions) {
            this.versions = List.of(versions);
            return this;
        }

        public Builder cipherSuites(CipherSuite... suites) {
            this.cipherSuites = List.of(suites);
            return this;
        }

        public Builder cipherSuites(List<CipherSuite> suites) {
            this.cipherSuites = List.copyOf(suites);
            return this;
        }

        public Builder groups(KeyExchangeGroup... groups) {
            this.groups = List.of(groups);
            this.keyShareGroups = null;
            return this;
        }

        /** Sets the groups a client sends key shares for first (each must be among {@link #groups}). */
        public Builder keyShareGroups(KeyExchangeGroup... groups) {
            this.keyShareGroups = List.of(groups);
            return this;
        }

        public Builder signatureSchemes(SignatureAlgorithm... schemes) {
            this.signatureSchemes = List.of(schemes);
            return this;
        }

        public Builder certifiedKey(CertifiedKey key) {
            this.certifiedKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Sets how the peer's certificate chain is verified (use {@code CertificateVerifier.pkix(anchors)}). */
        public Builder certificateVerifier(CertificateVerifier verifier) {
            this.certificateVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** INSECURE: accept any server certificate for any name; for tests against throw-away peers only. */
        public Builder insecureAcceptAnyCertificate() {
            this.certificateVerifier = CertificateVerifier.insecureAcceptAnyCertificate();
            return this;
        }

        public Builder serverName(String name) {
            this.serverName = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder applicationProtocols(String... protocols) {
            this.applicationProtocols = List.of(protocols);
            return this;
        }

        public Builder clientAuth(ClientAuthPolicy policy) {
            this.clientAuth = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder ticketsEnabled(boolean enabled) {
            this.ticketsEnabled = enabled;
            return this;
        }

        public Builder extendedMasterSecretRequired(boolean required) {
            this.extendedMasterSecretRequired = required;
            return this;
        }

        public Builder middleboxCompatibility(boolean enabled) {
            this.middleboxCompatibility = enabled;
            return this;
        }

        /** Sets the randomness (inject a seeded generator for reproducible tests). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        public Builder maxHandshakeMessageSize(int size) {
            if (size < 1024 || size > 0xFFFFFF) {
                throw new IllegalArgumentException("max handshake message size " + size + " is outside 1024..2^24-1");
            }
            this.maxHandshakeMessageSize = size;
            return this;
        }

        public Builder keyLog(KeyLog keyLog) {
            this.keyLog = Objects.requireNonNull(keyLog, "keyLog");
            return this;
        }

        /** Client: keep received tickets here and offer one to resume (TLS 1.3 PSK, psk_dhe_ke). */
        public Builder ticketStore(TicketStore store) {
            this.ticketStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Server: seal tickets with this 32-byte key (to share tickets between configurations). */
        public Builder ticketKey(byte[] key) {
            if (key.length != 32) {
                throw new IllegalArgumentException("a ticket key has 32 bytes, not " + key.length);
            }
            this.ticketKey = Secret.copyOf(key);
            return this;
        }

        /** Sets the PSK modes (psk_dhe_ke keeps forward secrecy; psk_ke does not). */
        public Builder pskKeyExchangeModes(PskKeyExchangeMode... modes) {
            this.pskModes = List.of(modes);
            return this;
        }

        /** TLS 1.2 server: cache sessions here and resume them by session ID. */
        public Builder sessionCache(ServerSessionCache cache) {
            this.sessionCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Advertises record_size_limit {@code limit} (RFC 8449 §4): the largest protected record plaintext we accept,
         * counting TLS 1.3's content type byte; 64 to 2^14 + 1 (TLS 1.2 reads a larger value as 2^14).
         */
        public Builder recordSizeLimit(int limit) {
            if (limit < RecordSizeLimit.MINIMUM || limit > RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH) {
                throw new IllegalArgumentException("record_size_limit must be 64.." + RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH
                        + ": " + limit);
            }
            this.recordSizeLimit = limit;
            return this;
        }

        /** TLS 1.3 server: send a cookie in every HelloRetryRequest and require it in the second ClientHello. */
        public Builder helloRetryCookies(boolean enabled) {
            this.helloRetryCookies = enabled;
            return this;
        }

        /** TLS 1.3: update the write key (KeyUpdate) once this many application bytes were written under it. */
        public Builder keyUpdateAfterBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("keyUpdateAfterBytes must be positive: " + bytes);
            }
            this.keyUpdateAfterBytes = bytes;
            return this;
        }

        /** TLS 1.3 client: offer post_handshake_auth and authenticate when the server asks after the handshake. */
        public Builder postHandshakeAuth(boolean enabled) {
            this.postHandshakeAuth = enabled;
            return this;
        }

        /** Sets how our TLS 1.3 records are padded (RFC 8446 §5.4); the default pads nothing. */
        public Builder paddingPolicy(PaddingPolicy policy) {
            this.paddingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * TLS 1.3 server: issue tickets allowing up to {@code bytes} of 0-RTT data and accept early data on them (RFC
         * 8446 §4.2.10, §4.6.1); 0 turns 0-RTT off. Accepted early data is replayable (§8): enable it only for requests
         * that are safe to replay.
         */
        public Builder maxEarlyDataSize(long bytes) {
            if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("max_early_data_size out of range: " + bytes);
            }
            this.maxEarlyDataSize = bytes;
            return this;
        }

        /** TLS 1.3 server: the anti-replay record to use (default: a new one of the default capacity, when 0-RTT is on). */
        public Builder earlyDataAntiReplay(EarlyDataAntiReplay antiReplay) {
            this.earlyDataAntiReplay = Objects.requireNonNull(antiReplay, "antiReplay");
            return this;
        }

        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
