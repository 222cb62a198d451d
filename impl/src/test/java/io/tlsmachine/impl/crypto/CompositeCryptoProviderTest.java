package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The composite routes each primitive to the provider chosen for it, and the rest to the default. */
class CompositeCryptoProviderTest {
    private final CryptoProvider jdk = CryptoProviders.jdk();
    private final CryptoProvider bc = CryptoProviders.bouncyCastle();

    @Test
    void routesChosenPrimitivesAndDefaultsTheRest() {
        CompositeCryptoProvider composite = CompositeCryptoProvider.builder("mix", jdk)
                .aead(AeadAlgorithm.CHACHA20_POLY1305, bc)
                .keyExchange(KeyExchangeGroup.X25519, bc)
                .verify(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, bc)
                .build();

        assertThat(composite.name()).isEqualTo("mix");
        assertThat(composite.aeadProvider(AeadAlgorithm.CHACHA20_POLY1305)).isSameAs(bc);
        assertThat(composite.aeadProvider(AeadAlgorithm.AES_128_GCM)).isSameAs(jdk);
        assertThat(composite.keyExchangeProvider(KeyExchangeGroup.X25519)).isSameAs(bc);
        assertThat(composite.verifyProvider(SignatureAlgorithm.ECDSA_SECP256R1_SHA256)).isSameAs(bc);
        assertThat(composite.signProvider(SignatureAlgorithm.ECDSA_SECP256R1_SHA256)).isSameAs(jdk);
        assertThat(composite.rsaKeyTransportProvider()).isSameAs(jdk);
        assertThat(composite.aead(AeadAlgorithm.CHACHA20_POLY1305, Secret.copyOf(new byte[32])).getClass().getName())
                .contains(".bc.");
        assertThat(composite.generateKeyExchange(KeyExchangeGroup.X25519, new SecureRandom()).getClass().getName())
                .contains(".bc.");
        assertThat(composite.generateKeyExchange(KeyExchangeGroup.X448, new SecureRandom()).getClass().getName())
                .contains(".jdk.");
    }

    @Test
    void fastestIsAComposite() {
        assertThat(CryptoProviders.fastest()).isInstanceOf(CompositeCryptoProvider.class);
        assertThat(CryptoProviders.fastest().name()).isEqualTo("fastest");
    }
}
