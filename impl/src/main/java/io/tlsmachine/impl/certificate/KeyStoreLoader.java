package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads credentials from a {@link KeyStore} (PKCS#12 or JKS, through {@code java.security.KeyStore}):
 * the private key entry and its chain as a {@link CertifiedKey}.
 */
public final class KeyStoreLoader {
    private KeyStoreLoader() {}

    /**
     * Opens a key store file; the type is detected by the JDK (PKCS#12 and JKS both load with
     * {@link KeyStore#getInstance(java.io.File, char[])}).
     */
    public static KeyStore open(Path file, char[] storePassword) {
        try {
            return KeyStore.getInstance(file.toFile(), storePassword);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(file + ": wrong key store password", e);
            }
            throw new UncheckedIOException("cannot read key store " + file + " (wrong password or not a key store)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a PKCS#12 or JKS key store", e);
        }
    }

    /** Opens a key store of a given type ("PKCS12", "JKS") from a file. */
    public static KeyStore open(Path file, String type, char[] storePassword) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, storePassword);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type + " key store " + file + " (wrong password or not a key store)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": cannot load as " + type, e);
        }
    }

    /** Loads the only private key entry of a key store file (key password = store password, the PKCS#12 norm). */
    public static CertifiedKey load(Path file, char[] password) {
        return certifiedKey(open(file, password), null, password);
    }

    /**
     * Returns the private key entry {@code alias} (or the only one when {@code alias} is null) of
     * {@code store} with its chain.
     *
     * @throws IllegalArgumentException when the alias is missing, not a key entry, ambiguous, or
     *     the key password is wrong
     */
    public static CertifiedKey certifiedKey(KeyStore store, String alias, char[] keyPassword) {
        try {
            String chosen = alias != null ? alias : onlyKeyAlias(store);
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalArgumentException("key store has no private key entry \"" + chosen + "\"");
            }
            if (!(store.getKey(chosen, keyPassword) instanceof PrivateKey key)) {
                throw new IllegalArgumentException("key store entry \"" + chosen + "\" is not a private key");
            }
            Certificate[] chain = store.getCertificateChain(chosen);
            if (chain == null || chain.length == 0) {
                throw new IllegalArgumentException("key store entry \"" + chosen + "\" has no certificate chain");
            }
            List<X509Certificate> certificates = new ArrayList<>(chain.length);
            for (Certificate certificate : chain) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new IllegalArgumentException("key store entry \"" + chosen + "\" holds a non-X.509 certificate");
                }
                certificates.add(x509);
            }
            return new CertifiedKey(CertificateChain.of(certificates), key);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("wrong password for the private key in the key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the key store: " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new IllegalArgumentException("key store holds " + keyAliases.size()
                    + " private key entries " + keyAliases + "; name the alias to use");
        }
        return keyAliases.get(0);
    }
}
