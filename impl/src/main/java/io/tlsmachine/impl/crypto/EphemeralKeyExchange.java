package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;

/**
 * Holds the lifecycle every {@link KeyExchange} shares: the group, our encoded public share, and a
 * private key that {@link #destroy} wipes (where the provider lets us) and drops, after which
 * {@link #agree} refuses to run.
 *
 * @param <K> the provider's private-key type
 */
public abstract class EphemeralKeyExchange<K> implements KeyExchange {
    private final KeyExchangeGroup group;
    private final byte[] publicShare;
    private K privateKey;

    protected EphemeralKeyExchange(KeyExchangeGroup group, K privateKey, byte[] publicShare) {
        this.group = group;
        this.privateKey = privateKey;
        this.publicShare = publicShare;
    }

    /**
     * Validates the peer's share and agrees on the shared secret with our private key, as
     * {@link KeyExchange#agree} describes.
     */
    protected abstract Secret agreeWith(K privateKey, byte[] peerShare);

    /** Overwrites the private key's material; the default only drops it, for keys that cannot be wiped. */
    protected void wipe(K privateKey) {}

    @Override
    public final KeyExchangeGroup group() {
        return group;
    }

    @Override
    public final byte[] publicShare() {
        return publicShare.clone();
    }

    @Override
    public final Secret agree(byte[] peerShare) {
        if (privateKey == null) {
            throw new IllegalStateException("key exchange used after destroy()");
        }
        return agreeWith(privateKey, peerShare);
    }

    @Override
    public final void destroy() {
        if (privateKey != null) {
            wipe(privateKey);
            privateKey = null;
        }
    }

    @Override
    public final boolean isDestroyed() {
        return privateKey == null;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + group + "]";
    }
}
