package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.MlKem;
import io.tlsmachine.impl.crypto.MlKemKey;
import io.tlsmachine.impl.crypto.MlKemParameterSet;
import io.tlsmachine.impl.crypto.Secret;
import java.security.SecureRandom;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;

/** ML-KEM (FIPS 203) with Bouncy Castle's lightweight classes ({@code org.bouncycastle.pqc.crypto.mlkem}). */
final class BcMlKem implements MlKem {
    static final BcMlKem INSTANCE = new BcMlKem();

    private BcMlKem() {}

    @Override
    public DecapsulationKey generate(MlKemParameterSet set, SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, parameters(set)));
        return new Key((MLKEMPrivateKeyParameters) generator.generateKeyPair().getPrivate());
    }

    /** Bouncy Castle takes either form, the 64-byte seed or the expanded key, by its length. */
    @Override
    public DecapsulationKey fromPrivate(MlKemParameterSet set, byte[] privateKey) {
        return new Key(new MLKEMPrivateKeyParameters(parameters(set), privateKey));
    }

    @Override
    public Encapsulation encapsulate(MlKemParameterSet set, byte[] encapsulationKey, SecureRandom random) {
        SecretWithEncapsulation result = new MLKEMGenerator(random)
                .generateEncapsulated(new MLKEMPublicKeyParameters(parameters(set), encapsulationKey));
        Encapsulation encapsulation = new Encapsulation(result.getEncapsulation(), Secret.adopt(result.getSecret()));
        try {
            result.destroy(); // getSecret() gave us a copy; this zeroes Bouncy Castle's own
        } catch (DestroyFailedException e) {
            // nothing more can be done; the copy we keep is ours to destroy
        }
        return encapsulation;
    }

    private static MLKEMParameters parameters(MlKemParameterSet set) {
        return switch (set) {
            case ML_KEM_768 -> MLKEMParameters.ml_kem_768;
            case ML_KEM_1024 -> MLKEMParameters.ml_kem_1024;
        };
    }

    /** Bouncy Castle's private key parameters: the extractor decapsulates with them. */
    private static final class Key extends MlKemKey<MLKEMPrivateKeyParameters> {
        Key(MLKEMPrivateKeyParameters privateKey) {
            super(privateKey, privateKey.getPublicKey());
        }

        @Override
        protected Secret decapsulateWith(MLKEMPrivateKeyParameters privateKey, byte[] ciphertext) {
            return Secret.adopt(new MLKEMExtractor(privateKey).extractSecret(ciphertext));
        }
    }
}
