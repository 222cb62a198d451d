package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every group agrees across providers: one side on the JDK, the other on Bouncy Castle (and fastest). */
class KeyExchangeAgreementTest {
    static Stream<Arguments> pairsAndGroups() {
        return Stream.of(KeyExchangeGroup.values()).flatMap(group -> Stream.of(
                Arguments.of(CryptoProviders.jdk(), CryptoProviders.bouncyCastle(), group),
                Arguments.of(CryptoProviders.bouncyCastle(), CryptoProviders.jdk(), group),
                Arguments.of(CryptoProviders.fastest(), CryptoProviders.bouncyCastle(), group),
                Arguments.of(CryptoProviders.fastest(), CryptoProviders.jdk(), group)));
    }

    @ParameterizedTest(name = "{0} with {1} over {2}")
    @MethodSource("pairsAndGroups")
    void bothSidesDeriveTheSameSecretOfTheGroupsLength(CryptoProvider a, CryptoProvider b, KeyExchangeGroup group) {
        SecureRandom random = new SecureRandom();
        KeyExchange alice = a.generateKeyExchange(group, random);
        KeyExchange bob = b.respondKeyExchange(group, random);

        Secret bobSecret = bob.agree(alice.publicShare()); // the server's side agrees first (a KEM encapsulates)
        Secret aliceSecret = alice.agree(bob.publicShare());

        assertThat(aliceSecret.bytes()).isEqualTo(bobSecret.bytes()).hasSize(secretLength(group));
        assertThat(alice.group()).isEqualTo(group);
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeGroup.class)
    void refusesToAgreeAfterDestroy(KeyExchangeGroup group) throws Exception {
        for (CryptoProvider provider : Providers.implementations()) {
            KeyExchange exchange = provider.generateKeyExchange(group, new SecureRandom());
            byte[] peer = provider.generateKeyExchange(group, new SecureRandom()).publicShare();
            exchange.destroy();

            assertThat(exchange.isDestroyed()).isTrue();
            assertThatThrownBy(() -> exchange.agree(peer)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeGroup.class)
    void findsEachGroupByItsCodePoint(KeyExchangeGroup group) {
        assertThat(KeyExchangeGroup.fromCode(group.code())).isEqualTo(group);
    }

    private static int secretLength(KeyExchangeGroup group) {
        return switch (group) {
            case X25519 -> 32;
            case X448 -> 56;
            case SECP256R1 -> 32;
            case SECP384R1 -> 48;
            case SECP521R1 -> 66;
            case FFDHE2048 -> 256;
            case FFDHE3072 -> 384;
            // draft-ietf-tls-ecdhe-mlkem §3.1: ML-KEM's 32 bytes and the classical secret's
            case X25519MLKEM768, SECP256R1MLKEM768 -> 64;
            case SECP384R1MLKEM1024 -> 80;
            case MLKEM768, MLKEM1024 -> 32;
        };
    }
}
