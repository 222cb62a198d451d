package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import java.security.SecureRandom;

/**
 * The server's side of a KEM group (draft-ietf-tls-ecdhe-mlkem §3.1, draft-ietf-tls-mlkem §3): {@link #agree}
 * checks the client's share and encapsulates to it, and only then does our share (the ciphertext joined with
 * our classical share) exist. {@link #publicShare} before {@link #agree}, or a second {@link #agree}, is a
 * programming error and throws {@link IllegalStateException}.
 */
public final class KemResponder implements KeyExchange {
    private final KeyExchangeGroup group;
    private final KemLayout layout;
    private final MlKem mlKem;
    private SecureRandom random;
    private KeyExchange classical;
    private byte[] publicShare;
    private boolean destroyed;

    private KemResponder(KeyExchangeGroup group, MlKem mlKem, KeyExchange classical, SecureRandom random) {
        this.group = group;
        this.layout = KemLayout.require(group);
        this.mlKem = mlKem;
        this.classical = classical;
        this.random = random;
    }

    /** Starts the server's side: a classical key from {@code classical} for a hybrid, ML-KEM from {@code mlKem}. */
    public static KemResponder start(KeyExchangeGroup group, MlKem mlKem, CryptoProvider classical, SecureRandom random) {
        KemLayout layout = KemLayout.require(group);
        return new KemResponder(group, mlKem,
                layout.classical() == null ? null : classical.generateKeyExchange(layout.classical(), random), random);
    }

    @Override
    public KeyExchangeGroup group() {
        return group;
    }

    /**
     * Returns the ciphertext joined with our classical share, in the group's order.
     *
     * @throws IllegalStateException before {@link #agree}: the ciphertext is made by encapsulating to the client's key
     */
    @Override
    public byte[] publicShare() {
        if (publicShare == null) {
            throw new IllegalStateException(group + " is a KEM: the server's share exists only after agree(clientShare)");
        }
        return publicShare.clone();
    }

    /**
     * draft-ietf-tls-ecdhe-mlkem §3.1: the client's share must have the group's exact length, its encapsulation
     * key must pass FIPS 203 §7.2 (type and modulus checks) and its classical part RFC 8446 §4.2.8.2 and §7.4.2;
     * then we encapsulate, keep the ciphertext for {@link #publicShare}, and return the two secrets joined.
     *
     * @throws IllegalStateException when called a second time or after {@link #destroy}
     */
    @Override
    public Secret agree(byte[] clientShare) {
        if (destroyed || publicShare != null) {
            throw new IllegalStateException(destroyed ? "key exchange used after destroy()"
                    : group + " server side already encapsulated: agree(clientShare) runs once");
        }
        MlKemParameterSet set = layout.mlKem();
        KemLayout.Parts parts = layout.split(group, clientShare, set.encapsulationKeyLength());
        set.requireValidEncapsulationKey(parts.kem());
        Secret classicalSecret = classical == null ? null : classical.agree(parts.classical());
        MlKem.Encapsulation encapsulation;
        try {
            encapsulation = mlKem.encapsulate(set, parts.kem(), random);
        } catch (RuntimeException e) {
            if (classicalSecret != null) {
                classicalSecret.destroy();
            }
            throw e;
        }
        publicShare = layout.join(encapsulation.ciphertext(), classical == null ? null : classical.publicShare());
        return layout.combine(encapsulation.sharedSecret(), classicalSecret);
    }

    @Override
    public void destroy() {
        if (classical != null) {
            KemInitiator.destroyQuietly(classical);
            classical = null;
        }
        random = null;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KemResponder[" + group + "]";
    }
}
