package io.tlsmachine.impl.certificate;

import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertifiedKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Builds and writes PKCS#12 key stores from our credentials and trust anchors, for peers that
 * want a {@link KeyStore} (the JDK's TLS in interop tests, the demo's {@code .p12} files).
 */
public final class KeyStores {
    private KeyStores() {}

    /** Returns an in-memory PKCS#12 store holding {@code credentials} under {@code alias}, the key protected by {@code password}. */
    public static KeyStore pkcs12(CertifiedKey credentials, String alias, char[] password) {
        KeyStore store = emptyPkcs12();
        try {
            List<X509Certificate> chain = credentials.chain().certificates();
            store.setKeyEntry(alias, credentials.privateKey(), password, chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot store the " + credentials.privateKey().getAlgorithm() + " key in PKCS#12", e);
        }
        return store;
    }

    /** Returns an in-memory PKCS#12 trust store with one trusted-certificate entry per anchor ({@code anchor-0}, ...). */
    public static KeyStore trustStore(TrustAnchors anchors) {
        KeyStore store = emptyPkcs12();
        try {
            List<X509Certificate> certificates = anchors.certificates();
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("anchor-" + i, certificates.get(i));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a trusted certificate to PKCS#12", e);
        }
        return store;
    }

    /** Writes {@code store} to {@code file} (replacing it), created owner-only (0600) on POSIX file systems. */
    public static void write(KeyStore store, Path file, char[] password) {
        try {
            OwnerOnlyFiles.createOrTruncate(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode key store " + file, e);
        }
    }

    private static KeyStore emptyPkcs12() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot create a PKCS#12 key store", e);
        }
    }
}
