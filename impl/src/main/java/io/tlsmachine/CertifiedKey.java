package io.tlsmachine;

import io.tlsmachine.impl.certificate.KeyPairs;
import io.tlsmachine.impl.certificate.PemBlock;
import io.tlsmachine.impl.certificate.PemReader;
import io.tlsmachine.impl.certificate.PrivateKeyLoader;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

/**
 * Our own credentials: a certificate chain (leaf first) and the private key of its leaf.
 *
 * <p>{@link #toString()} names the chain and the key's algorithm only, never the key.
 *
 * @param chain the certificate chain, leaf first, not empty
 * @param privateKey the private key of the leaf
 */
public record CertifiedKey(CertificateChain chain, PrivateKey privateKey) {
    /**
     * Checks that the chain is not empty and that {@code privateKey} belongs to its leaf.
     *
     * @param chain the certificate chain, leaf first, not empty
     * @param privateKey the private key of the leaf
     */
    public CertifiedKey {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least the leaf certificate");
        }
        if (!KeyPairs.matches(chain.leaf().getPublicKey(), privateKey)) {
            throw new IllegalArgumentException("the private key does not belong to the leaf certificate "
                    + chain.leaf().getSubjectX500Principal().getName());
        }
    }

    /**
     * Loads the chain (leaf first) and its key from PEM files; both may be the same file.
     * @param chainPem the PEM file of the chain, leaf first
     * @param keyPem the PEM file of the leaf's private key (PKCS#8, or SEC 1 / PKCS#1)
     * @return the chain and its key
     */
    public static CertifiedKey load(Path chainPem, Path keyPem) {
        return new CertifiedKey(CertificateChain.load(chainPem), PrivateKeyLoader.load(keyPem));
    }

    /**
     * Reads the chain and its key from one PEM text holding both.
     * @param pem PEM text with the chain and the private key
     * @return the chain and its key
     */
    public static CertifiedKey fromPem(String pem) {
        List<PemBlock> blocks = PemReader.read(pem);
        return new CertifiedKey(CertificateChain.fromPemBlocks(blocks), PrivateKeyLoader.fromBlocks(blocks));
    }

    @Override
    public String toString() {
        return "CertifiedKey[" + chain + ", " + privateKey.getAlgorithm() + " private key]";
    }
}
