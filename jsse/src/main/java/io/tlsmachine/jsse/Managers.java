package io.tlsmachine.jsse;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.DelegatedCertificateVerifier;
import io.tlsmachine.LeafKeyUse;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Bridges the JSSE managers given to {@code SSLContext.init} to the engine's configuration: the credential a
 * key manager chooses for an engine, and a verifier that asks the trust manager, with the engine, about the peer.
 */
final class Managers {
    /** How many credentials are remembered; a key manager that invents aliases cannot grow the map past it. */
    private static final int MAX_REMEMBERED_CREDENTIALS = 64;

    private final X509ExtendedKeyManager keyManager;
    private final X509TrustManager trustManager;
    private final SecureRandom random;
    /**
     * The credentials built so far, by alias: building one proves that the key belongs to the leaf (a signature and
     * its verification, ~1 ms on the JDK's P-256), which every server handshake would repeat otherwise. An entry is
     * reused only while the key manager still returns the same chain and key for its alias.
     */
    private final Map<String, CertifiedKey> credentials = new ConcurrentHashMap<>();

    /**
     * @param keyManager our credentials; null when none were given
     * @param trustManager judges the peer's chain (the JDK's default when none was given)
     */
    Managers(X509ExtendedKeyManager keyManager, X509TrustManager trustManager, SecureRandom random) {
        this.keyManager = keyManager;
        this.trustManager = trustManager;
        this.random = random;
    }

    SecureRandom random() {
        return random;
    }

    /** The key types asked of the key manager, in order of preference. */
    private static final String[] KEY_TYPES = {"EC", "RSA", "EdDSA", "Ed25519", "RSASSA-PSS"};

    /**
     * Returns the credential the key manager chooses for {@code engine} (or the {@code socket} over it, when not
     * null) before the peer's hello: a server's by the key types in our order of preference, a client's by
     * {@code chooseEngineClientAlias} / {@code chooseClientAlias}; empty when it has none.
     */
    Optional<CertifiedKey> credential(SSLEngine engine, SSLSocket socket, boolean client) {
        if (keyManager == null) {
            return Optional.empty();
        }
        if (!client) {
            return serverCredential(engine, socket, List.of(KEY_TYPES)).or(this::anyServerCredential);
        }
        return certified(socket != null ? keyManager.chooseClientAlias(KEY_TYPES, null, socket)
                : keyManager.chooseEngineClientAlias(KEY_TYPES, null, engine));
    }

    /**
     * Returns the server credential the key manager chooses ({@code chooseEngineServerAlias}, or
     * {@code chooseServerAlias} with {@code socket} when not null) for the first of {@code keyTypes} it has one for.
     */
    Optional<CertifiedKey> serverCredential(SSLEngine engine, SSLSocket socket, List<String> keyTypes) {
        if (keyManager == null) {
            return Optional.empty();
        }
        for (String keyType : keyTypes) {
            Optional<CertifiedKey> chosen = certified(socket != null ? keyManager.chooseServerAlias(keyType, null, socket)
                    : keyManager.chooseEngineServerAlias(keyType, null, engine));
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return Optional.empty();
    }

    /**
     * The first server alias the key manager has, for a key manager that chooses nothing before the ClientHello
     * (e.g. one that needs the requested server name): the engine starts with it, and the choice made once the
     * ClientHello is read replaces it.
     */
    private Optional<CertifiedKey> anyServerCredential() {
        for (String keyType : KEY_TYPES) {
            String[] aliases = keyManager.getServerAliases(keyType, null);
            if (aliases != null && aliases.length > 0) {
                return certified(aliases[0]);
            }
        }
        return Optional.empty();
    }

    private Optional<CertifiedKey> certified(String alias) {
        if (alias == null) {
            return Optional.empty();
        }
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        PrivateKey key = keyManager.getPrivateKey(alias);
        if (chain == null || chain.length == 0 || key == null) {
            return Optional.empty();
        }
        CertifiedKey known = credentials.get(alias);
        if (known != null && known.privateKey().equals(key) && known.chain().certificates().equals(List.of(chain))) {
            return Optional.of(known);
        }
        CertifiedKey built = new CertifiedKey(CertificateChain.of(chain), key);
        if (credentials.size() >= MAX_REMEMBERED_CREDENTIALS) {
            credentials.clear();
        }
        credentials.put(alias, built);
        return Optional.of(built);
    }

    /**
     * Returns a verifier that hands the peer's chain to the trust manager ({@code checkServerTrusted} or
     * {@code checkClientTrusted} with {@code engine}, or with {@code socket} when not null, so endpoint
     * identification works as in SunJSSE), telling {@code accepted} about every chain it accepts. A client that may
     * create no session ({@code newSessionAllowed} false) refuses the server's certificate: a server sends one only
     * in a full handshake (RFC 8446 §4.4.2, RFC 5246 §7.3), so it did not resume.
     */
    CertificateVerifier verifier(SSLEngine engine, SSLSocket socket, boolean newSessionAllowed,
            Consumer<List<X509Certificate>> accepted) {
        return new DelegatedCertificateVerifier((chain, host, use) -> {
            if (!newSessionAllowed) {
                throw new CertificateException("no new session may be created (setEnableSessionCreation(false)),"
                        + " and the server did not resume");
            }
            X509Certificate[] certificates = chain.toArray(X509Certificate[]::new);
            String authType = serverAuthType(use);
            if (trustManager instanceof X509ExtendedTrustManager extended && socket != null) {
                extended.checkServerTrusted(certificates, authType, socket);
            } else if (trustManager instanceof X509ExtendedTrustManager extended) {
                extended.checkServerTrusted(certificates, authType, engine);
            } else {
                trustManager.checkServerTrusted(certificates, authType);
            }
            accepted.accept(chain);
        }, (chain, host, use) -> {
            X509Certificate[] certificates = chain.toArray(X509Certificate[]::new);
            String authType = chain.get(0).getPublicKey().getAlgorithm();
            if (trustManager instanceof X509ExtendedTrustManager extended && socket != null) {
                extended.checkClientTrusted(certificates, authType, socket);
            } else if (trustManager instanceof X509ExtendedTrustManager extended) {
                extended.checkClientTrusted(certificates, authType, engine);
            } else {
                trustManager.checkClientTrusted(certificates, authType);
            }
            accepted.accept(chain);
        });
    }

    /**
     * The authType SunJSSE passes for a server's chain: "RSA" for RSA key transport (keyEncipherment), "UNKNOWN" for
     * a key that signs (TLS 1.3 and (EC)DHE suites: digitalSignature).
     */
    private static String serverAuthType(LeafKeyUse use) {
        return use == LeafKeyUse.KEY_ENCIPHERMENT ? "RSA" : "UNKNOWN";
    }
}
