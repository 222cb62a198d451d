package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.DestroyFailedException;

/**
 * The client's side of a KEM group (draft-ietf-tls-ecdhe-mlkem §3.1, draft-ietf-tls-mlkem §3): its share, the
 * ML-KEM encapsulation key joined with a classical share, exists from the start; {@link #agree} takes the server's
 * ciphertext and classical share, checks both, and decapsulates.
 */
public final class KemInitiator implements KeyExchange {
    private final KeyExchangeGroup group;
    private final KemLayout layout;
    private final byte[] publicShare;
    private MlKem.DecapsulationKey mlKemKey;
    private KeyExchange classical;

    private KemInitiator(KeyExchangeGroup group, MlKem.DecapsulationKey mlKemKey, KeyExchange classical) {
        this.group = group;
        this.layout = KemLayout.require(group);
        this.mlKemKey = mlKemKey;
        this.classical = classical;
        this.publicShare = layout.join(mlKemKey.encapsulationKey(), classical == null ? null : classical.publicShare());
    }

    /** Generates a fresh ML-KEM key with {@code mlKem} and, for a hybrid, a classical key with {@code classical}. */
    public static KemInitiator generate(KeyExchangeGroup group, MlKem mlKem, CryptoProvider classical, SecureRandom random) {
        KemLayout layout = KemLayout.require(group);
        MlKem.DecapsulationKey key = mlKem.generate(layout.mlKem(), random);
        return new KemInitiator(group, key,
                layout.classical() == null ? null : classical.generateKeyExchange(layout.classical(), random));
    }

    /**
     * Rebuilds a client key exchange from {@code privateKey}: the ML-KEM seed d ‖ z (64 bytes) or expanded
     * decapsulation key, followed, for a hybrid, by the classical private key as its group's
     * {@code keyExchangeFromPrivate} takes it (32 bytes for X25519, the field length for a NIST curve).
     */
    public static KemInitiator fromPrivate(KeyExchangeGroup group, MlKem mlKem, CryptoProvider classical, byte[] privateKey) {
        KemLayout layout = KemLayout.require(group);
        int mlKemLength = privateKey.length - layout.classicalPrivateKeyLength();
        if (mlKemLength != MlKemParameterSet.SEED_LENGTH && mlKemLength != layout.mlKem().decapsulationKeyLength()) {
            throw new IllegalArgumentException(group + " private key has " + privateKey.length + " bytes");
        }
        MlKem.DecapsulationKey key = mlKem.fromPrivate(layout.mlKem(), Arrays.copyOf(privateKey, mlKemLength));
        return new KemInitiator(group, key, layout.classical() == null ? null
                : classical.keyExchangeFromPrivate(layout.classical(), Arrays.copyOfRange(privateKey, mlKemLength, privateKey.length)));
    }

    @Override
    public KeyExchangeGroup group() {
        return group;
    }

    @Override
    public byte[] publicShare() {
        return publicShare.clone();
    }

    /**
     * draft-ietf-tls-ecdhe-mlkem §3.1: the server's share must have the group's exact length (the ciphertext
     * length check), the classical part passes RFC 8446 §4.2.8.2 and §7.4.2 as on its own; then FIPS 203 §7.3
     * decapsulation, and the two secrets joined in the group's order.
     */
    @Override
    public Secret agree(byte[] serverShare) {
        if (mlKemKey == null) {
            throw new IllegalStateException("key exchange used after destroy()");
        }
        KemLayout.Parts parts = layout.split(group, serverShare, layout.mlKem().ciphertextLength());
        Secret classicalSecret = classical == null ? null : classical.agree(parts.classical());
        return layout.combine(mlKemKey.decapsulate(parts.kem()), classicalSecret);
    }

    @Override
    public void destroy() {
        if (mlKemKey != null) {
            mlKemKey.destroy();
            mlKemKey = null;
        }
        if (classical != null) {
            destroyQuietly(classical);
            classical = null;
        }
    }

    /** Destroys a classical key exchange; a provider that cannot wipe its key leaves it to the garbage collector. */
    static void destroyQuietly(KeyExchange exchange) {
        try {
            exchange.destroy();
        } catch (DestroyFailedException e) {
            // the JDK's own keys refuse destroy(); the reference is dropped
        }
    }

    @Override
    public boolean isDestroyed() {
        return mlKemKey == null;
    }

    @Override
    public String toString() {
        return "KemInitiator[" + group + "]";
    }
}
