package io.tlsmachine.impl.crypto;

import java.security.SecureRandom;
import javax.security.auth.Destroyable;

/**
 * ML-KEM (FIPS 203) as one provider implements it: the primitive under the KEM key exchange groups. Callers check
 * what a peer sent first ({@link MlKemParameterSet#requireValidEncapsulationKey},
 * {@link MlKemParameterSet#requireCiphertextLength}); implementations may assume well-formed input.
 */
public interface MlKem {
    /** FIPS 203 §7.1 ML-KEM.KeyGen: a fresh decapsulation key from {@code random}. */
    DecapsulationKey generate(MlKemParameterSet set, SecureRandom random);

    /**
     * Rebuilds a decapsulation key from the 64-byte seed d ‖ z (FIPS 203 §6.1 ML-KEM.KeyGen_internal) or from
     * the expanded decapsulation key of FIPS 203 Table 3 (test vectors, deterministic runs).
     */
    DecapsulationKey fromPrivate(MlKemParameterSet set, byte[] privateKey);

    /** FIPS 203 §7.2 ML-KEM.Encaps to a checked encapsulation key: the ciphertext and the shared secret. */
    Encapsulation encapsulate(MlKemParameterSet set, byte[] encapsulationKey, SecureRandom random);

    /** Our side of ML-KEM: the encapsulation key we send and the decapsulation we do once. */
    interface DecapsulationKey extends Destroyable {
        /** Returns the encapsulation key ek (FIPS 203 Table 3 length). */
        byte[] encapsulationKey();

        /** FIPS 203 §7.3 ML-KEM.Decaps of a ciphertext of the right length (implicit rejection: never fails). */
        Secret decapsulate(byte[] ciphertext);

        @Override
        void destroy();
    }

    /** The result of an encapsulation: the ciphertext for the peer and the shared secret we keep. */
    record Encapsulation(byte[] ciphertext, Secret sharedSecret) {
        @Override
        public String toString() {
            return "Encapsulation[" + ciphertext.length + " bytes]";
        }
    }
}
