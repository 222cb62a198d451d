package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static io.tlsmachine.impl.crypto.KeyShareAssertions.assertInvalidKeyShare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each side checks in the other's share of a KEM group (draft-ietf-tls-ecdhe-mlkem §3.1, FIPS 203 §7.2 and
 * §7.3), each failure INVALID_KEY_SHARE, which is sent as illegal_parameter; and the order the server's side must
 * be used in.
 */
class KemShareValidationTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> implementationsAndKemGroups() {
        return Providers.implementations().stream().flatMap(provider -> Stream.of(KeyExchangeGroup.values())
                .filter(KeyExchangeGroup::isKem).map(group -> Arguments.of(provider, group)));
    }

    @Test
    void invalidKeySharesAreSentAsIllegalParameter() {
        // draft-ietf-tls-ecdhe-mlkem §3.1: "abort with an illegal_parameter alert"
        assertThat(Reason.INVALID_KEY_SHARE.alertToSend()).contains(AlertDescription.ILLEGAL_PARAMETER);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndKemGroups")
    void serverRefusesAClientShareOneByteShortOrLong(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] share = provider.generateKeyExchange(group, RANDOM).publicShare();

        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(Arrays.copyOf(share, share.length - 1)));
        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(Arrays.copyOf(share, share.length + 1)));
    }

    /**
     * FIPS 203 §7.2 modulus check: each 12-bit coefficient must be below q = 3329. Coefficient 0 sits in the low
     * 12 bits of the first three bytes, coefficient 1 in the high 12; q - 1 passes, q fails, in both places.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndKemGroups")
    void serverRefusesAnEncapsulationKeyWithACoefficientOfQOrMore(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] share = provider.generateKeyExchange(group, RANDOM).publicShare();
        int ek = KemLayout.of(group).mlKemFirst() ? 0 : KemLayout.of(group).classicalShareLength();

        assertThat(provider.respondKeyExchange(group, RANDOM).agree(withCoefficients(share, ek, 3328, 3328)).length())
                .isPositive();
        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(withCoefficients(share, ek, 3329, 0)));
        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(withCoefficients(share, ek, 0, 3329)));
        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(withCoefficients(share, ek, 0xFFF, 0xFFF)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndKemGroups")
    void clientRefusesACiphertextOfTheWrongLength(CryptoProvider provider, KeyExchangeGroup group) {
        KeyExchange client = provider.generateKeyExchange(group, RANDOM);
        KeyExchange server = provider.respondKeyExchange(group, RANDOM);
        server.agree(client.publicShare());
        byte[] share = server.publicShare();

        assertInvalidKeyShare(() -> client.agree(Arrays.copyOf(share, share.length - 1)));
        assertInvalidKeyShare(() -> client.agree(Arrays.copyOf(share, share.length + 1)));
        assertInvalidKeyShare(() -> client.agree(new byte[0]));
    }

    /** RFC 8446 §7.4.2 as for X25519 alone: the all-zero u-coordinate gives the all-zero secret, in either share. */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#implementations")
    void bothSidesRefuseASmallOrderX25519Part(CryptoProvider provider) {
        KeyExchangeGroup group = KeyExchangeGroup.X25519MLKEM768;
        KeyExchange client = provider.generateKeyExchange(group, RANDOM);
        byte[] clientShare = client.publicShare();
        KeyExchange server = provider.respondKeyExchange(group, RANDOM);
        server.agree(clientShare);
        byte[] serverShare = server.publicShare();

        Arrays.fill(clientShare, 1184, 1216, (byte) 0);
        Arrays.fill(serverShare, 1088, 1120, (byte) 0);
        assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(clientShare));
        assertInvalidKeyShare(() -> client.agree(serverShare));
    }

    /** RFC 8446 §4.2.8.2 as for the curves alone: a point off the curve, in either share (the ECDH part comes first). */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#implementations")
    void bothSidesRefuseAnEcdhPartOffTheCurve(CryptoProvider provider) {
        for (KeyExchangeGroup group : new KeyExchangeGroup[] {KeyExchangeGroup.SECP256R1MLKEM768, KeyExchangeGroup.SECP384R1MLKEM1024}) {
            KeyExchange client = provider.generateKeyExchange(group, RANDOM);
            byte[] clientShare = client.publicShare();
            KeyExchange server = provider.respondKeyExchange(group, RANDOM);
            server.agree(clientShare);
            byte[] serverShare = server.publicShare();

            clientShare[10] ^= 1; // inside the x-coordinate of the uncompressed point
            serverShare[10] ^= 1;
            assertInvalidKeyShare(() -> provider.respondKeyExchange(group, RANDOM).agree(clientShare));
            assertInvalidKeyShare(() -> client.agree(serverShare));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndKemGroups")
    void serverSideHasNoShareBeforeItEncapsulatesAndEncapsulatesOnce(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] clientShare = provider.generateKeyExchange(group, RANDOM).publicShare();
        KeyExchange server = provider.respondKeyExchange(group, RANDOM);

        assertThatThrownBy(server::publicShare).isInstanceOf(IllegalStateException.class).hasMessageContaining("agree");
        server.agree(clientShare);
        assertThat(server.publicShare()).isNotEmpty();
        assertThatThrownBy(() -> server.agree(clientShare)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementationsAndKemGroups")
    void serverSideRefusesToRunAfterDestroy(CryptoProvider provider, KeyExchangeGroup group) throws Exception {
        byte[] clientShare = provider.generateKeyExchange(group, RANDOM).publicShare();
        KeyExchange server = provider.respondKeyExchange(group, RANDOM);
        server.destroy();

        assertThat(server.isDestroyed()).isTrue();
        assertThatThrownBy(() -> server.agree(clientShare)).isInstanceOf(IllegalStateException.class);
    }

    /** Returns a copy of {@code share} whose first two ML-KEM coefficients (at {@code offset}) are {@code c0} and {@code c1}. */
    private static byte[] withCoefficients(byte[] share, int offset, int c0, int c1) {
        byte[] out = share.clone();
        out[offset] = (byte) c0;
        out[offset + 1] = (byte) ((c0 >> 8) & 0x0F | (c1 & 0x0F) << 4);
        out[offset + 2] = (byte) (c1 >> 4);
        return out;
    }
}
