package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.MlKem;
import io.tlsmachine.impl.crypto.MlKemKey;
import io.tlsmachine.impl.crypto.MlKemParameterSet;
import io.tlsmachine.impl.crypto.Secret;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyGenerator;
import org.bouncycastle.jcajce.SecretKeyWithEncapsulation;
import org.bouncycastle.jcajce.interfaces.MLKEMPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jcajce.spec.KEMExtractSpec;
import org.bouncycastle.jcajce.spec.KEMGenerateSpec;
import org.bouncycastle.jcajce.spec.MLKEMParameterSpec;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.util.PrivateKeyInfoFactory;

/**
 * ML-KEM (FIPS 203) through the JCA API: {@code KeyPairGenerator} and {@code KeyGenerator} "ML-KEM" with
 * {@link KEMGenerateSpec} / {@link KEMExtractSpec}. Java 17 has no ML-KEM of its own (JDK 24 adds one, JEP 496),
 * so the JCA service comes from a private, unregistered instance of Bouncy Castle's JCA provider; the
 * lightweight alternative is {@code crypto.bc.BcMlKem}, and {@code bench/CRYPTO.md} measures both.
 */
final class JcaMlKem implements MlKem {
    static final JcaMlKem INSTANCE = new JcaMlKem();

    private static final Provider BC = new BouncyCastleProvider();
    /**
     * The JCA hands the shared secret out as a key of this (nominal) algorithm; without {@code withNoKdf()} Bouncy
     * Castle would run it through KDF3-SHA256 first, which is not the FIPS 203 secret TLS needs.
     */
    private static final String SECRET_ALGORITHM = "AES";
    private static final int SECRET_BITS = 8 * MlKemParameterSet.SHARED_SECRET_LENGTH;

    private JcaMlKem() {}

    @Override
    public DecapsulationKey generate(MlKemParameterSet set, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM", BC);
            generator.initialize(spec(set), random);
            KeyPair pair = generator.generateKeyPair();
            return new Key(pair.getPrivate(), ((MLKEMPublicKey) pair.getPublic()).getPublicData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot generate " + set, e);
        }
    }

    /** Encodes the key as PKCS#8 (draft-ietf-lamps-kyber-certificates) and has the JCA key factory read it. */
    @Override
    public DecapsulationKey fromPrivate(MlKemParameterSet set, byte[] privateKey) {
        try {
            MLKEMPrivateKeyParameters parameters = new MLKEMPrivateKeyParameters(lightweight(set), privateKey);
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(parameters).getEncoded();
            PrivateKey key = KeyFactory.getInstance("ML-KEM", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new Key(key, parameters.getPublicKey());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("JCA refused an " + set + " private key", e);
        }
    }

    @Override
    public Encapsulation encapsulate(MlKemParameterSet set, byte[] encapsulationKey, SecureRandom random) {
        try {
            PublicKey key = KeyFactory.getInstance("ML-KEM", BC)
                    .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(set, encapsulationKey)));
            KeyGenerator generator = KeyGenerator.getInstance("ML-KEM", BC);
            generator.init(new KEMGenerateSpec.Builder(key, SECRET_ALGORITHM, SECRET_BITS).withNoKdf().build(), random);
            SecretKeyWithEncapsulation secret = (SecretKeyWithEncapsulation) generator.generateKey();
            return new Encapsulation(secret.getEncapsulation(), Secret.adopt(secret.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot encapsulate with " + set, e);
        }
    }

    /**
     * RFC 5280 SubjectPublicKeyInfo of a raw key (draft-ietf-lamps-kyber-certificates §4): SEQUENCE { SEQUENCE {
     * id-alg-ml-kem-768 (2.16.840.1.101.3.4.4.2) or -1024 (…4.4.3) }, BIT STRING { 0 unused bits, ek } }.
     */
    private static byte[] subjectPublicKeyInfo(MlKemParameterSet set, byte[] encapsulationKey) {
        int bitString = encapsulationKey.length + 1;
        int body = 13 + 4 + bitString;
        byte[] prefix = {
            0x30, (byte) 0x82, (byte) (body >> 8), (byte) body,
            0x30, 0x0B, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x04,
            (byte) (set == MlKemParameterSet.ML_KEM_768 ? 0x02 : 0x03),
            0x03, (byte) 0x82, (byte) (bitString >> 8), (byte) bitString, 0x00};
        byte[] out = new byte[prefix.length + encapsulationKey.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(encapsulationKey, 0, out, prefix.length, encapsulationKey.length);
        return out;
    }

    private static MLKEMParameterSpec spec(MlKemParameterSet set) {
        return set == MlKemParameterSet.ML_KEM_768 ? MLKEMParameterSpec.ml_kem_768 : MLKEMParameterSpec.ml_kem_1024;
    }

    private static MLKEMParameters lightweight(MlKemParameterSet set) {
        return set == MlKemParameterSet.ML_KEM_768 ? MLKEMParameters.ml_kem_768 : MLKEMParameters.ml_kem_1024;
    }

    /** A JCA private key: a KeyGenerator with {@link KEMExtractSpec} decapsulates with it. */
    private static final class Key extends MlKemKey<PrivateKey> {
        Key(PrivateKey privateKey, byte[] encapsulationKey) {
            super(privateKey, encapsulationKey);
        }

        @Override
        protected Secret decapsulateWith(PrivateKey privateKey, byte[] ciphertext) {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("ML-KEM", BC);
                generator.init(new KEMExtractSpec.Builder(privateKey, ciphertext, SECRET_ALGORITHM, SECRET_BITS).withNoKdf().build());
                return Secret.adopt(generator.generateKey().getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JCA cannot decapsulate", e);
            }
        }
    }
}
