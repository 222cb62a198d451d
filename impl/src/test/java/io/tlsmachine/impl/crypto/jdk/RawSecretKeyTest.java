package io.tlsmachine.impl.crypto.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RawSecretKeyTest {

    @Test
    void keysTheJdksAesGcmLikeAKeySpecWithTheSameBytes() throws Exception {
        byte[] key = new byte[16];
        Arrays.fill(key, (byte) 7);
        byte[] nonce = new byte[12];
        Cipher ours = Cipher.getInstance("AES/GCM/NoPadding");
        ours.init(Cipher.ENCRYPT_MODE, new RawSecretKey("AES", key.clone()), new GCMParameterSpec(128, nonce));
        Cipher spec = Cipher.getInstance("AES/GCM/NoPadding");
        spec.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));

        assertThat(ours.doFinal(new byte[] {1, 2, 3})).isEqualTo(spec.doFinal(new byte[] {1, 2, 3}));
    }

    @Test
    void handsOutCopiesAndWipesItsOnlyCopyWhenDestroyed() {
        byte[] bytes = {1, 2, 3, 4};
        RawSecretKey key = new RawSecretKey("AES", bytes);
        key.getEncoded()[0] = 9;

        assertThat(key.getEncoded()).containsExactly(1, 2, 3, 4);
        key.destroy();
        assertThat(bytes).containsOnly(0);
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::getEncoded).isInstanceOf(IllegalStateException.class);
        assertThat(key.toString()).isEqualTo("RawSecretKey[AES]");
    }
}
