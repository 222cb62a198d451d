package io.tlsmachine.impl.crypto;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/**
 * An ML-KEM parameter set (FIPS 203 §8, Table 2 and Table 3): its module rank k and the lengths of its keys,
 * ciphertexts and shared secret, with the checks FIPS 203 §7.2 and §7.3 ask of what a peer sends.
 */
public enum MlKemParameterSet {
    /** k = 3, d_u = 10, d_v = 4. */
    ML_KEM_768(3, 10, 4),
    /** k = 4, d_u = 11, d_v = 5. */
    ML_KEM_1024(4, 11, 5);

    /** FIPS 203 §2.3: the modulus q. */
    static final int Q = 3329;
    /** FIPS 203 §7.1: the key-generation seed d ‖ z. */
    public static final int SEED_LENGTH = 64;
    /** FIPS 203 §7.2: the shared secret K. */
    public static final int SHARED_SECRET_LENGTH = 32;

    private final int k;
    private final int du;
    private final int dv;

    MlKemParameterSet(int k, int du, int dv) {
        this.k = k;
        this.du = du;
        this.dv = dv;
    }

    /** FIPS 203 Table 3: ek is 384k + 32 bytes (1184 or 1568). */
    public int encapsulationKeyLength() {
        return 384 * k + 32;
    }

    /** FIPS 203 Table 3: dk is 768k + 96 bytes (2400 or 3168). */
    public int decapsulationKeyLength() {
        return 768 * k + 96;
    }

    /** FIPS 203 Table 3: c is 32(d_u k + d_v) bytes (1088 or 1568). */
    public int ciphertextLength() {
        return 32 * (du * k + dv);
    }

    /**
     * FIPS 203 §7.2, ML-KEM.Encaps input checking: the type check (exact length) and the modulus check, that
     * every 12-bit coefficient of ByteDecode_12(ek[0:384k]) is below q, so that re-encoding gives back the same
     * bytes. Both are public-value checks; they need not run in constant time.
     *
     * @throws TlsException INVALID_KEY_SHARE when either check fails
     */
    public void requireValidEncapsulationKey(byte[] encapsulationKey) {
        if (encapsulationKey.length != encapsulationKeyLength()) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, this + " encapsulation key has "
                    + encapsulationKey.length + " bytes, expected " + encapsulationKeyLength());
        }
        for (int i = 0; i < 384 * k; i += 3) {
            int b0 = encapsulationKey[i] & 0xFF;
            int b1 = encapsulationKey[i + 1] & 0xFF;
            int b2 = encapsulationKey[i + 2] & 0xFF;
            if ((b0 | (b1 & 0x0F) << 8) >= Q || (b1 >> 4 | b2 << 4) >= Q) {
                throw TlsException.fatal(Reason.INVALID_KEY_SHARE, this + " encapsulation key fails the modulus check");
            }
        }
    }

    /**
     * FIPS 203 §7.3, ML-KEM.Decaps input checking (ciphertext type check); draft-ietf-tls-ecdhe-mlkem §3.1:
     * the client checks the ciphertext length and aborts with illegal_parameter.
     *
     * @throws TlsException INVALID_KEY_SHARE for any other length
     */
    public void requireCiphertextLength(byte[] ciphertext) {
        if (ciphertext.length != ciphertextLength()) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, this + " ciphertext has " + ciphertext.length
                    + " bytes, expected " + ciphertextLength());
        }
    }
}
