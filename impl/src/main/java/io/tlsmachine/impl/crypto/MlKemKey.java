package io.tlsmachine.impl.crypto;

/**
 * Holds what every provider's {@link MlKem.DecapsulationKey} shares: the encapsulation key and a private key that
 * {@link #destroy} drops (neither Bouncy Castle's key parameters nor a JCA key can be wiped from outside), after
 * which {@link #decapsulate} refuses to run.
 *
 * @param <K> the provider's private-key type
 */
public abstract class MlKemKey<K> implements MlKem.DecapsulationKey {
    private final byte[] encapsulationKey;
    private K privateKey;

    protected MlKemKey(K privateKey, byte[] encapsulationKey) {
        this.privateKey = privateKey;
        this.encapsulationKey = encapsulationKey;
    }

    /** FIPS 203 §7.3 ML-KEM.Decaps with {@code privateKey}, as {@link MlKem.DecapsulationKey#decapsulate} describes. */
    protected abstract Secret decapsulateWith(K privateKey, byte[] ciphertext);

    @Override
    public final byte[] encapsulationKey() {
        return encapsulationKey.clone();
    }

    @Override
    public final Secret decapsulate(byte[] ciphertext) {
        if (privateKey == null) {
            throw new IllegalStateException("ML-KEM key used after destroy()");
        }
        return decapsulateWith(privateKey, ciphertext);
    }

    @Override
    public final void destroy() {
        privateKey = null;
    }

    @Override
    public final boolean isDestroyed() {
        return privateKey == null;
    }
}
