package io.tlsmachine.impl.crypto;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import javax.security.auth.Destroyable;

/**
 * Finite-field Diffie-Hellman in a group a TLS 1.2 server chose that is none of the named groups (RFC 5246 §7.4.3,
 * RFC 7919 §3.1), with the JDK's {@code DH}; the caller has checked the group is acceptable and the peer's value in
 * range. Public values and the secret are big-endian, left-padded to the length of p.
 */
public final class CustomDhKeyExchange implements Destroyable {
    /** A private exponent above twice the 128-bit strength of the smallest group we accept (RFC 7919 §5.2, §8.2). */
    private static final int EXPONENT_BITS = 320;

    private final BigInteger p;
    private final BigInteger g;
    private PrivateKey privateKey;
    private final byte[] publicValue;

    private CustomDhKeyExchange(BigInteger p, BigInteger g, PrivateKey privateKey, BigInteger y) {
        this.p = p;
        this.g = g;
        this.privateKey = privateKey;
        this.publicValue = FixedLength.bigEndian(y, byteLength(p));
    }

    /**
     * Generates our key pair in (p, g).
     *
     * @throws TlsException INSUFFICIENT_SECURITY when the JDK refuses the group (for instance an unusual size)
     */
    public static CustomDhKeyExchange generate(BigInteger p, BigInteger g, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
            generator.initialize(new DHParameterSpec(p, g, EXPONENT_BITS), random);
            KeyPair pair = generator.generateKeyPair();
            return new CustomDhKeyExchange(p, g, pair.getPrivate(), ((DHPublicKey) pair.getPublic()).getY());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw TlsException.fatal(Reason.INSUFFICIENT_SECURITY, "the " + p.bitLength() + "-bit DH group cannot be used");
        }
    }

    /** Returns the length of p in bytes. */
    public static int byteLength(BigInteger p) {
        return (p.bitLength() + 7) / 8;
    }

    /** Returns our public value g^x mod p. */
    public byte[] publicValue() {
        return publicValue.clone();
    }

    /** Returns Z = peer^x mod p, left-padded to the length of p; {@code peerValue} is already range-checked. */
    public Secret agree(byte[] peerValue) {
        if (privateKey == null) {
            throw new IllegalStateException("key exchange used after destroy()");
        }
        try {
            var peer = KeyFactory.getInstance("DH").generatePublic(new DHPublicKeySpec(new BigInteger(1, peerValue), p, g));
            KeyAgreement agreement = KeyAgreement.getInstance("DH");
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            return Secret.adopt(FixedLength.leftPad(agreement.generateSecret(), byteLength(p)));
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw TlsException.fatal(Reason.INSUFFICIENT_SECURITY, "DH agreement in the server's group failed");
        }
    }

    /** Drops the private key (SunJCE DH keys cannot be wiped). */
    @Override
    public void destroy() {
        privateKey = null;
    }

    @Override
    public boolean isDestroyed() {
        return privateKey == null;
    }

    @Override
    public String toString() {
        return "CustomDhKeyExchange[" + p.bitLength() + "-bit p" + (isDestroyed() ? ", destroyed" : "") + "]";
    }
}
