package io.tlsmachine.impl.certificate;

import static io.tlsmachine.SignatureAlgorithm.ECDSA_SECP256R1_SHA256;
import static io.tlsmachine.SignatureAlgorithm.ECDSA_SECP384R1_SHA384;
import static io.tlsmachine.SignatureAlgorithm.ECDSA_SECP521R1_SHA512;
import static io.tlsmachine.SignatureAlgorithm.ED25519;
import static io.tlsmachine.SignatureAlgorithm.ED448;
import static io.tlsmachine.SignatureAlgorithm.RSA_PKCS1_SHA256;
import static io.tlsmachine.SignatureAlgorithm.RSA_PKCS1_SHA384;
import static io.tlsmachine.SignatureAlgorithm.RSA_PKCS1_SHA512;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_PSS_SHA256;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_PSS_SHA384;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_PSS_SHA512;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_RSAE_SHA256;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_RSAE_SHA384;
import static io.tlsmachine.SignatureAlgorithm.RSA_PSS_RSAE_SHA512;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SignatureSchemesTest {
    private static final Map<String, KeyPair> KEYS = keys();
    private static final List<SignatureAlgorithm> ALL = List.of(SignatureAlgorithm.values());

    /** RFC 8446 §4.2.3 / §4.4.3: per key type, what TLS 1.3 may sign with. */
    private static final Map<String, Set<SignatureAlgorithm>> TLS13 = Map.of(
            "P-256", EnumSet.of(ECDSA_SECP256R1_SHA256),
            "P-384", EnumSet.of(ECDSA_SECP384R1_SHA384),
            "P-521", EnumSet.of(ECDSA_SECP521R1_SHA512),
            "RSA", EnumSet.of(RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512),
            "RSASSA-PSS", EnumSet.of(RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512),
            "Ed25519", EnumSet.of(ED25519),
            "Ed448", EnumSet.of(ED448));

    /** RFC 5246 §7.4.1.4.1 with RFC 8446 §4.2.3's code points: any ECDSA hash on any curve, PKCS#1 allowed. */
    private static final Map<String, Set<SignatureAlgorithm>> TLS12 = Map.of(
            "P-256", EnumSet.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512),
            "P-384", EnumSet.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512),
            "P-521", EnumSet.of(ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512),
            "RSA", EnumSet.of(RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512),
            "RSASSA-PSS", EnumSet.of(RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512),
            "Ed25519", EnumSet.of(ED25519),
            "Ed448", EnumSet.of(ED448));

    @Test
    void everyKeyTypeAndSchemePairIsDecidedAsTheRfcsSayInBothVersions() {
        int checked = 0;
        for (Map.Entry<String, KeyPair> key : KEYS.entrySet()) {
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                PublicKey publicKey = key.getValue().getPublic();
                assertThat(SignatureSchemes.usableWith(algorithm, publicKey, VersionCode.TLS13))
                        .as("%s key, %s, TLS 1.3", key.getKey(), algorithm).isEqualTo(TLS13.get(key.getKey()).contains(algorithm));
                assertThat(SignatureSchemes.usableWith(algorithm, publicKey, VersionCode.TLS12))
                        .as("%s key, %s, TLS 1.2", key.getKey(), algorithm).isEqualTo(TLS12.get(key.getKey()).contains(algorithm));
                assertThat(SignatureSchemes.usableWith(algorithm, key.getValue().getPrivate(), VersionCode.TLS13))
                        .as("%s private key, %s", key.getKey(), algorithm).isEqualTo(TLS13.get(key.getKey()).contains(algorithm));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(7 * SignatureAlgorithm.values().length);
    }

    @Test
    void listsTheUsableSchemesOfAKey() {
        assertThat(SignatureSchemes.usableWith(KEYS.get("RSA").getPublic(), VersionCode.TLS13))
                .containsExactly(RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512);
    }

    @Test
    void selectsTheFirstSchemeInThePeersOrderThatWeEnabledAndOurKeyProduces() {
        List<SignatureScheme> peer = schemes(0x0A0A, 0x0201, 0x0403, 0x0805, 0x0804, 0x0401);

        assertThat(SignatureSchemes.select(peer, ALL, KEYS.get("RSA").getPrivate(), VersionCode.TLS13)).isEqualTo(RSA_PSS_RSAE_SHA384);
        assertThat(SignatureSchemes.select(peer, List.of(RSA_PSS_RSAE_SHA256, RSA_PKCS1_SHA256), KEYS.get("RSA").getPrivate(),
                VersionCode.TLS13)).isEqualTo(RSA_PSS_RSAE_SHA256);
        assertThat(SignatureSchemes.select(peer, ALL, KEYS.get("P-256").getPrivate(), VersionCode.TLS13)).isEqualTo(ECDSA_SECP256R1_SHA256);
    }

    @Test
    void neverSelectsPkcs1ForATls13CertificateVerifyButDoesInTls12() {
        List<SignatureScheme> peer = schemes(0x0401);

        assertRejected(() -> SignatureSchemes.select(peer, ALL, KEYS.get("RSA").getPrivate(), VersionCode.TLS13),
                Reason.NO_COMMON_SIGNATURE_SCHEME);
        assertThat(SignatureSchemes.select(peer, ALL, KEYS.get("RSA").getPrivate(), VersionCode.TLS12)).isEqualTo(RSA_PKCS1_SHA256);
    }

    @Test
    void bindsTheEcdsaCurveToTheHashOnlyInTls13() {
        List<SignatureScheme> peer = schemes(0x0403);

        assertRejected(() -> SignatureSchemes.select(peer, ALL, KEYS.get("P-384").getPrivate(), VersionCode.TLS13),
                Reason.NO_COMMON_SIGNATURE_SCHEME);
        assertThat(SignatureSchemes.select(peer, ALL, KEYS.get("P-384").getPrivate(), VersionCode.TLS12)).isEqualTo(ECDSA_SECP256R1_SHA256);
    }

    @Test
    void failsWithHandshakeFailureWhenNothingIsCommon() {
        assertRejected(() -> SignatureSchemes.select(List.of(), ALL, KEYS.get("Ed25519").getPrivate(), VersionCode.TLS12),
                Reason.NO_COMMON_SIGNATURE_SCHEME);
        assertThat(Reason.NO_COMMON_SIGNATURE_SCHEME.alertToSend()).contains(AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void acceptsAPeerChoiceWeOfferedThatFitsItsKey() {
        assertThat(SignatureSchemes.checkPeerChoice(SignatureScheme.ED25519, ALL, KEYS.get("Ed25519").getPublic(), VersionCode.TLS13))
                .isEqualTo(ED25519);
    }

    @Test
    void rejectsAPeerChoiceWeDidNotOfferOrDoNotKnow() {
        assertRejected(() -> SignatureSchemes.checkPeerChoice(SignatureScheme.ED25519, List.of(ECDSA_SECP256R1_SHA256),
                KEYS.get("Ed25519").getPublic(), VersionCode.TLS13), Reason.ILLEGAL_PARAMETER);
        assertRejected(() -> SignatureSchemes.checkPeerChoice(SignatureScheme.RSA_PKCS1_SHA1, ALL,
                KEYS.get("RSA").getPublic(), VersionCode.TLS12), Reason.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsAPeerChoiceThatDoesNotFitItsCertificateKey() {
        assertRejected(() -> SignatureSchemes.checkPeerChoice(SignatureScheme.ECDSA_SECP384R1_SHA384, ALL,
                KEYS.get("P-256").getPublic(), VersionCode.TLS13), Reason.ILLEGAL_PARAMETER);
        assertRejected(() -> SignatureSchemes.checkPeerChoice(SignatureScheme.RSA_PKCS1_SHA256, ALL,
                KEYS.get("RSA").getPublic(), VersionCode.TLS13), Reason.ILLEGAL_PARAMETER);
        assertRejected(() -> SignatureSchemes.checkPeerChoice(SignatureScheme.RSA_PSS_PSS_SHA256, ALL,
                KEYS.get("RSA").getPublic(), VersionCode.TLS12), Reason.ILLEGAL_PARAMETER);
    }

    @Test
    void refusesVersionsWithoutSignatureSchemes() {
        assertThatThrownBy(() -> SignatureSchemes.usableWith(ED25519, KEYS.get("Ed25519").getPublic(), VersionCode.TLS11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SignatureScheme> schemes(int... codes) {
        return java.util.Arrays.stream(codes).mapToObj(SignatureScheme::new).toList();
    }

    private static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(TlsException.class)
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(reason));
    }

    private static Map<String, KeyPair> keys() {
        try {
            Map<String, KeyPair> keys = new LinkedHashMap<>();
            keys.put("P-256", ec("secp256r1"));
            keys.put("P-384", ec("secp384r1"));
            keys.put("P-521", ec("secp521r1"));
            keys.put("RSA", KeyPairGenerator.getInstance("RSA").generateKeyPair());
            keys.put("RSASSA-PSS", KeyPairGenerator.getInstance("RSASSA-PSS").generateKeyPair());
            keys.put("Ed25519", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            keys.put("Ed448", KeyPairGenerator.getInstance("Ed448").generateKeyPair());
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
