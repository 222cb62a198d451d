package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The peer-share checks of RFC 8446 §4.2.8.2 for secp256r1, secp384r1 and secp521r1, for every provider. */
class EcdhKeyExchangeTest {
    static Stream<Arguments> providersAndCurves() {
        return Providers.all().flatMap(provider -> Stream.of(KeyExchangeGroup.SECP256R1, KeyExchangeGroup.SECP384R1, KeyExchangeGroup.SECP521R1)
                .map(group -> Arguments.of(provider, group)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void sendsAnUncompressedPointOnTheCurve(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] share = provider.generateKeyExchange(group, new SecureRandom()).publicShare();

        assertThat(share).hasSize(1 + 2 * EcCurves.fieldLength(group));
        assertThat(share[0]).isEqualTo((byte) 0x04);
        assertThat(EcCurves.decodeAndValidate(group, share)).isNotNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void rebuildsTheSamePublicShareFromAPrivateKeyAsTheOtherProvider(CryptoProvider provider, KeyExchangeGroup group) {
        long seed = 0xECD4L + group.ordinal();
        byte[] scalar = new byte[EcCurves.fieldLength(group)];
        new java.util.Random(seed).nextBytes(scalar);
        scalar[0] &= group == KeyExchangeGroup.SECP521R1 ? 0x00 : 0x7F; // below the order (P-521's is just under 2^521)

        byte[] ours = provider.keyExchangeFromPrivate(group, scalar).publicShare();
        for (CryptoProvider other : Providers.implementations()) {
            assertThat(ours).as("seed %d vs %s", seed, other.name())
                    .isEqualTo(other.keyExchangeFromPrivate(group, scalar).publicShare());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void rejectsTheCompressedForm(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] valid = provider.generateKeyExchange(group, new SecureRandom()).publicShare();
        byte[] compressed = new byte[1 + EcCurves.fieldLength(group)];
        compressed[0] = (byte) (0x02 | (valid[valid.length - 1] & 1));
        System.arraycopy(valid, 1, compressed, 1, EcCurves.fieldLength(group));

        assertRejected(provider, group, compressed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void rejectsWrongLengthsAndPrefixes(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] valid = provider.generateKeyExchange(group, new SecureRandom()).publicShare();

        assertRejected(provider, group, new byte[0]);
        assertRejected(provider, group, new byte[] {0x00}); // the identity's encoding
        assertRejected(provider, group, Arrays.copyOf(valid, valid.length - 1));
        assertRejected(provider, group, Arrays.copyOf(valid, valid.length + 1));
        assertRejected(provider, group, Arrays.copyOfRange(valid, 1, valid.length));
        byte[] hybrid = valid.clone();
        hybrid[0] = 0x06;
        assertRejected(provider, group, hybrid);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void rejectsPointsOffTheCurve(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] valid = provider.generateKeyExchange(group, new SecureRandom()).publicShare();
        byte[] allZero = new byte[valid.length];
        allZero[0] = 0x04;
        assertRejected(provider, group, allZero);
        for (int i = 1; i < valid.length; i += 9) {
            byte[] tampered = valid.clone();
            tampered[i] ^= 0x01;
            assertRejected(provider, group, tampered);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndCurves")
    void rejectsACoordinateNotBelowTheFieldPrime(CryptoProvider provider, KeyExchangeGroup group) {
        int length = EcCurves.fieldLength(group);
        BigInteger p = ((ECFieldFp) EcCurves.parameters(group).getCurve().getField()).getP();
        byte[] valid = provider.generateKeyExchange(group, new SecureRandom()).publicShare();
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(valid, 1 + length, valid.length));
        byte[] yPlusP = FixedLength.bigEndian(y.add(p), length + 1);
        if (yPlusP[0] == 0) { // y + p still fits the field length: the same point, non-canonically
            byte[] share = valid.clone();
            System.arraycopy(yPlusP, 1, share, 1 + length, length);
            assertRejected(provider, group, share);
        }
        byte[] xIsP = new byte[valid.length];
        xIsP[0] = 0x04;
        System.arraycopy(FixedLength.bigEndian(p, length), 0, xIsP, 1, length);
        assertRejected(provider, group, xIsP);
    }

    private static void assertRejected(CryptoProvider provider, KeyExchangeGroup group, byte[] share) {
        KeyExchange ours = provider.generateKeyExchange(group, new SecureRandom());
        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(share));
    }
}
