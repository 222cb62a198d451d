package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;

/**
 * Writes PEM (RFC 7468 §2 strict form: 64-character lines): certificate chains and PKCS#8
 * private keys (EC ones with their public key, see {@link #encode(PrivateKey)}), the latter into
 * files readable by their owner only where the file system allows.
 */
public final class PemWriter {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemWriter() {}

    /** Returns one PEM block with {@code label} around {@code der}. */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** Returns the chain as consecutive CERTIFICATE blocks, leaf first. */
    public static String encode(CertificateChain chain) {
        StringBuilder out = new StringBuilder();
        for (byte[] der : chain.encodings()) {
            out.append(encode("CERTIFICATE", der));
        }
        return out.toString();
    }

    /**
     * Returns the key as a PKCS#8 "PRIVATE KEY" block (RFC 7468 §10); an EC key's inner ECPrivateKey carries its
     * curve and public key (RFC 5915 §3), so GnuTLS reads it as well as OpenSSL and the JDK do.
     *
     * <p>PKCS#8 rather than SEC1 "EC PRIVATE KEY": the JDK's key factories read only PKCS#8, RFC 7468 §10 makes it
     * the one label for all key types, and it is what {@code openssl genpkey} writes.
     */
    public static String encode(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key has format " + key.getFormat() + ", not PKCS#8");
        }
        byte[] der = key instanceof ECPrivateKey ec ? EcPrivateKeys.pkcs8(ec) : key.getEncoded();
        try {
            return encode("PRIVATE KEY", der);
        } finally {
            java.util.Arrays.fill(der, (byte) 0);
        }
    }

    /** Writes the chain to {@code file}, replacing it. */
    public static void write(CertificateChain chain, Path file) {
        try {
            Files.writeString(file, encode(chain), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificate chain to " + file, e);
        }
    }

    /** Writes the key to {@code file} (replacing it), created owner-only (0600) on POSIX file systems. */
    public static void write(PrivateKey key, Path file) {
        try {
            OwnerOnlyFiles.createOrTruncate(file);
            Files.writeString(file, encode(key), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write private key to " + file, e);
        }
    }
}
