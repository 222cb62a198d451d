package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/**
 * How a KEM group lays out its shares and its shared secret: the ML-KEM parameter set, the classical group (none
 * for ML-KEM alone) and which part comes first.
 *
 * <p>draft-ietf-tls-ecdhe-mlkem §3.1 (Construction): for X25519MLKEM768 the client share is the ML-KEM-768
 * encapsulation key ‖ the X25519 share (1216 bytes), the server share the ML-KEM ciphertext ‖ the X25519 share
 * (1120 bytes) and the shared secret the ML-KEM secret ‖ the X25519 secret (64 bytes). For SecP256r1MLKEM768 and
 * SecP384r1MLKEM1024 the ECDH part comes first in all three: client share uncompressed point ‖ encapsulation key
 * (1249 or 1665 bytes), server share point ‖ ciphertext (1153 or 1665 bytes), secret ECDH x-coordinate ‖ ML-KEM
 * secret (64 or 80 bytes). draft-ietf-tls-mlkem §3: ML-KEM alone sends the bare key, ciphertext and secret.
 *
 * @param mlKem the ML-KEM parameter set
 * @param classical the classical group, or null for ML-KEM alone
 * @param mlKemFirst whether the ML-KEM part precedes the classical part
 */
public record KemLayout(MlKemParameterSet mlKem, KeyExchangeGroup classical, boolean mlKemFirst) {
    private static final KemLayout X25519_MLKEM768 = new KemLayout(MlKemParameterSet.ML_KEM_768, KeyExchangeGroup.X25519, true);
    private static final KemLayout SECP256R1_MLKEM768 =
            new KemLayout(MlKemParameterSet.ML_KEM_768, KeyExchangeGroup.SECP256R1, false);
    private static final KemLayout SECP384R1_MLKEM1024 =
            new KemLayout(MlKemParameterSet.ML_KEM_1024, KeyExchangeGroup.SECP384R1, false);
    private static final KemLayout MLKEM768 = new KemLayout(MlKemParameterSet.ML_KEM_768, null, true);
    private static final KemLayout MLKEM1024 = new KemLayout(MlKemParameterSet.ML_KEM_1024, null, true);

    /** Returns the layout of a KEM group, or null for a Diffie-Hellman group. */
    public static KemLayout of(KeyExchangeGroup group) {
        return switch (group) {
            case X25519MLKEM768 -> X25519_MLKEM768;
            case SECP256R1MLKEM768 -> SECP256R1_MLKEM768;
            case SECP384R1MLKEM1024 -> SECP384R1_MLKEM1024;
            case MLKEM768 -> MLKEM768;
            case MLKEM1024 -> MLKEM1024;
            default -> null;
        };
    }

    /** Returns the layout of {@code group}, which must be a KEM group. */
    static KemLayout require(KeyExchangeGroup group) {
        KemLayout layout = of(group);
        if (layout == null) {
            throw new IllegalArgumentException(group + " is not a KEM group");
        }
        return layout;
    }

    /** Returns the length of the classical share: 32 (X25519), 65 or 97 (uncompressed point), 0 for none. */
    public int classicalShareLength() {
        if (classical == null) {
            return 0;
        }
        return XdhShares.isXdh(classical) ? XdhShares.length(classical) : 1 + 2 * EcCurves.fieldLength(classical);
    }

    /** Returns the classical group's private-key length as {@code keyExchangeFromPrivate} takes it. */
    int classicalPrivateKeyLength() {
        if (classical == null) {
            return 0;
        }
        return XdhShares.isXdh(classical) ? XdhShares.length(classical) : EcCurves.fieldLength(classical);
    }

    /** Joins an ML-KEM part and a classical part (null for none) in this group's order. */
    byte[] join(byte[] kemPart, byte[] classicalPart) {
        if (classicalPart == null) {
            return kemPart.clone();
        }
        byte[] first = mlKemFirst ? kemPart : classicalPart;
        byte[] second = mlKemFirst ? classicalPart : kemPart;
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /**
     * Splits a peer's share into its ML-KEM part (of {@code kemLength} bytes) and its classical part.
     *
     * @throws TlsException INVALID_KEY_SHARE unless the share has exactly the group's length
     */
    Parts split(KeyExchangeGroup group, byte[] share, int kemLength) {
        int expected = kemLength + classicalShareLength();
        if (share.length != expected) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE,
                    group + " share has " + share.length + " bytes, expected " + expected);
        }
        int kemOffset = mlKemFirst ? 0 : classicalShareLength();
        int classicalOffset = mlKemFirst ? kemLength : 0;
        byte[] kem = java.util.Arrays.copyOfRange(share, kemOffset, kemOffset + kemLength);
        byte[] classicalPart = classical == null ? null
                : java.util.Arrays.copyOfRange(share, classicalOffset, classicalOffset + classicalShareLength());
        return new Parts(kem, classicalPart);
    }

    /** Concatenates the two shared secrets in this group's order and destroys both parts. */
    Secret combine(Secret kemSecret, Secret classicalSecret) {
        try {
            return Secret.adopt(join(kemSecret.bytes(), classicalSecret == null ? null : classicalSecret.bytes()));
        } finally {
            kemSecret.destroy();
            if (classicalSecret != null) {
                classicalSecret.destroy();
            }
        }
    }

    /** A peer's share cut in two: the ML-KEM part and the classical part (null for ML-KEM alone). */
    record Parts(byte[] kem, byte[] classical) {}
}
