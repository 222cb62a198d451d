package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * secp521r1 (NamedGroup 0x0019) and ecdsa_secp521r1_sha512 (0x0603) against published vectors, for every provider:
 * the ECDH exchange of RFC 5903 §8.3 and the ECDSA signature of RFC 6979 Appendix A.2.7 (SHA-512, "sample").
 */
class P521KnownAnswerTest {
    private static final KeyExchangeGroup GROUP = KeyExchangeGroup.SECP521R1;

    // RFC 5903 §8.3, 521-bit Random ECP Group.
    private static final String I = "0037ADE9319A89F4DABDB3EF411AACCCA5123C61ACAB57B5393DCE47608172A0"
            + "95AA85A30FE1C2952C6771D937BA9777F5957B2639BAB072462F68C27A57382D4A52";
    private static final String GIX = "0015417E84DBF28C0AD3C278713349DC7DF153C897A1891BD98BAB4357C9ECBE"
            + "E1E3BF42E00B8E380AEAE57C2D107564941885942AF5A7F4601723C4195D176CED3E";
    private static final String GIY = "017CAE20B6641D2EEB695786D8C946146239D099E18E1D5A514C739D7CB4A10A"
            + "D8A788015AC405D7799DC75E7B7D5B6CF2261A6A7F1507438BF01BEB6CA3926F9582";
    private static final String R = "0145BA99A847AF43793FDD0E872E7CDFA16BE30FDC780F97BCCC3F078380201E"
            + "9C677D600B343757A3BDBF2A3163E4C2F869CCA7458AA4A4EFFC311F5CB151685EB9";
    private static final String GRX = "00D0B3975AC4B799F5BEA16D5E13E9AF971D5E9B984C9F39728B5E5739735A21"
            + "9B97C356436ADC6E95BB0352F6BE64A6C2912D4EF2D0433CED2B6171640012D9460F";
    private static final String GRY = "015C68226383956E3BD066E797B623C27CE0EAC2F551A10C2C724D9852077B87"
            + "220B6536C5C408A1D2AEBB8E86D678AE49CB57091F4732296579AB44FCD17F0FC56A";
    private static final String GIRX = "01144C7D79AE6956BC8EDB8E7C787C4521CB086FA64407F97894E5E6B2D79B04"
            + "D1427E73CA4BAA240A34786859810C06B3C715A3A8CC3151F2BEE417996D19F3DDEA";

    // RFC 6979 Appendix A.2.7: the P-521 key pair and its SHA-512 signature of "sample".
    private static final String UX = "01894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD3"
            + "71123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4";
    private static final String UY = "00493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A2"
            + "8A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5";
    private static final String SIG_R = "00C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F1"
            + "74E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA";
    private static final String SIG_S = "00617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF2"
            + "82623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A";

    static java.util.stream.Stream<CryptoProvider> providers() {
        return Providers.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void derivesTheRfc5903PublicSharesFromTheirPrivateKeys(CryptoProvider provider) {
        assertThat(provider.keyExchangeFromPrivate(GROUP, hex(I)).publicShare()).isEqualTo(hex("04" + GIX + GIY));
        assertThat(provider.keyExchangeFromPrivate(GROUP, hex(R)).publicShare()).isEqualTo(hex("04" + GRX + GRY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void agreesOnTheRfc5903SharedSecretFromBothSides(CryptoProvider provider) {
        byte[] initiator = provider.keyExchangeFromPrivate(GROUP, hex(I)).agree(hex("04" + GRX + GRY)).bytes();
        byte[] responder = provider.keyExchangeFromPrivate(GROUP, hex(R)).agree(hex("04" + GIX + GIY)).bytes();

        assertThat(initiator).hasSize(66).isEqualTo(hex(GIRX));
        assertThat(responder).isEqualTo(hex(GIRX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sendsA133ByteShareThatTheOtherProvidersAgreeWith(CryptoProvider provider) {
        KeyExchange ours = provider.generateKeyExchange(GROUP, new SecureRandom());
        assertThat(ours.publicShare()).hasSize(133);
        for (CryptoProvider other : Providers.implementations()) {
            KeyExchange theirs = other.generateKeyExchange(GROUP, new SecureRandom());
            assertThat(ours.agree(theirs.publicShare()).bytes()).as(other.name())
                    .isEqualTo(theirs.agree(ours.publicShare()).bytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void verifiesTheRfc6979SignatureAndRejectsItOverAnotherMessage(CryptoProvider provider) throws Exception {
        PublicKey key = publicKey(UX, UY);
        byte[] signature = der(SIG_R, SIG_S);
        byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);

        assertThat(provider.verify(SignatureAlgorithm.ECDSA_SECP521R1_SHA512, key, sample, signature)).isTrue();
        assertThat(provider.verify(SignatureAlgorithm.ECDSA_SECP521R1_SHA512, key,
                "test".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        byte[] flipped = der(SIG_R, "00617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF2"
                + "82623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67B");
        assertThat(provider.verify(SignatureAlgorithm.ECDSA_SECP521R1_SHA512, key, sample, flipped)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void rejectsAShareOffTheCurve(CryptoProvider provider) {
        byte[] tampered = hex("04" + GRX + GRY);
        tampered[tampered.length - 1] ^= 1;
        KeyExchange ours = provider.generateKeyExchange(GROUP, new SecureRandom());

        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(tampered));
    }

    private static PublicKey publicKey(String x, String y) throws GeneralSecurityException {
        ECPoint point = new ECPoint(new BigInteger(x, 16), new BigInteger(y, 16));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, EcCurves.parameters(GROUP)));
    }

    /** The DER Ecdsa-Sig-Value (RFC 3279 §2.2.3) that TLS carries (RFC 8446 §4.2.3). */
    private static byte[] der(String r, String s) throws IOException {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(new BigInteger(r, 16)), new ASN1Integer(new BigInteger(s, 16))}).getEncoded();
    }
}
