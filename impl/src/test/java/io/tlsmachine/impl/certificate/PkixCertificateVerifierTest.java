package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.LeafKeyUse;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.CertificateVerifier;
import static io.tlsmachine.impl.certificate.Fixtures.CLOCK;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.NOW;
import static io.tlsmachine.impl.certificate.Fixtures.OTHER;
import static io.tlsmachine.impl.certificate.Fixtures.PKI;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec.ExtendedKeyUsage;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec.KeyUsage;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec;
import io.tlsmachine.impl.certificate.issuing.IssuedCertificate;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.testkit.TestPki;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PkixCertificateVerifierTest {
    private static final String HOST = "server.example.com";

    private static PkixCertificateVerifier trusting(TestPki.Hierarchy hierarchy) {
        return CertificateVerifier.pkix(hierarchy.anchors()).withClock(CLOCK);
    }

    @Test
    void acceptsAValidEcdsaChainAndNamesItsAnchor() {
        VerifiedChain verified = trusting(EC).verifyServer(EC.chain(), HOST);

        assertThat(verified.path()).containsExactly(EC.leaf().certificate(), EC.intermediate().certificate());
        assertThat(verified.trustAnchor()).contains(EC.root().certificate());
        assertThat(verified.leafPublicKey()).isEqualTo(EC.leaf().certificate().getPublicKey());
    }

    @Test
    void acceptsAValidRsaChainForSigningAndForKeyTransport() {
        assertThat(trusting(RSA).verifyServer(RSA.chain(), HOST, LeafKeyUse.DIGITAL_SIGNATURE).trustAnchor()).isPresent();
        assertThat(trusting(RSA).verifyServer(RSA.chain(), HOST, LeafKeyUse.KEY_ENCIPHERMENT).trustAnchor()).isPresent();
    }

    @Test
    void acceptsAChainThatIncludesTheRoot() {
        CertificateChain withRoot = CertificateChain.of(EC.leaf().certificate(), EC.intermediate().certificate(), EC.root().certificate());

        assertThat(trusting(EC).verifyServer(withRoot, HOST).path()).hasSize(2);
    }

    @Test
    void acceptsIntermediatesInAnyOrderWithExtraneousCertificates() {
        // RFC 8446 §4.4.2: only the leaf's position is fixed.
        CertificateChain shuffled = CertificateChain.of(EC.leaf().certificate(), OTHER.intermediate().certificate(),
                EC.root().certificate(), EC.intermediate().certificate());

        assertThat(trusting(EC).verifyServer(shuffled, HOST).path())
                .containsExactly(EC.leaf().certificate(), EC.intermediate().certificate());
    }

    @Test
    void acceptsASelfSignedLeafTrustedDirectly() {
        IssuedCertificate selfSigned = PKI.selfSigned(CertificateSpec.endEntity("CN=localhost", CertificateKeyType.EC_P256,
                NOW.minusSeconds(60), Duration.ofDays(1)).withDnsNames("localhost").withIpAddresses("127.0.0.1"));
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(TrustAnchors.of(selfSigned.certificate())).withClock(CLOCK);

        assertThat(verifier.verifyServer(CertificateChain.of(selfSigned.certificate()), "127.0.0.1").trustAnchor()).isPresent();
    }

    @Test
    void rejectsAChainFromAnUnknownCa() {
        assertRejected(() -> trusting(OTHER).verifyServer(EC.chain(), HOST), Reason.UNKNOWN_CA, "no trusted certificate authority");
    }

    @Test
    void rejectsAnUntrustedSelfSignedLeafAsUnknownCa() {
        IssuedCertificate selfSigned = PKI.selfSigned(leafSpec());

        assertRejected(() -> trusting(EC).verifyServer(CertificateChain.of(selfSigned.certificate()), HOST),
                Reason.UNKNOWN_CA, "no trusted certificate authority");
    }

    @Test
    void picksTheIntermediateWhoseKeySignedTheLeafAmongNamesakes() {
        // A namesake of the real intermediate (same subject, other key) comes first in the chain.
        IssuedCertificate namesake = PKI.issue(CertificateSpec.authority(
                EC.intermediate().certificate().getSubjectX500Principal().getName(), CertificateKeyType.EC_P256,
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(10)), OTHER.root());
        CertificateChain chain = CertificateChain.of(EC.leaf().certificate(), namesake.certificate(), EC.intermediate().certificate());

        assertThat(trusting(EC).verifyServer(chain, HOST).path())
                .containsExactly(EC.leaf().certificate(), EC.intermediate().certificate());
    }

    @Test
    void acceptsTheLongestPathWeBuildAndRefusesALongerOne() {
        int intermediates = CertificationPaths.MAX_PATH_LENGTH - 1;

        assertThat(trusting(EC).verifyServer(chainThrough(intermediates), HOST).path()).hasSize(CertificationPaths.MAX_PATH_LENGTH);
        assertRejected(() -> trusting(EC).verifyServer(chainThrough(intermediates + 1), HOST), Reason.BAD_CERTIFICATE,
                "longer than " + CertificationPaths.MAX_PATH_LENGTH);
    }

    @Test
    void rejectsAChainWhoseIntermediateIsMissing() {
        CertificateChain leafOnly = CertificateChain.of(EC.leaf().certificate());

        assertRejected(() -> trusting(EC).verifyServer(leafOnly, HOST), Reason.UNKNOWN_CA, "intermediate certificate is missing");
    }

    @Test
    void rejectsAnExpiredLeafWhenTheClockIsPastItsNotAfter() {
        Clock later = Clock.fixed(EC.leaf().certificate().getNotAfter().toInstant().plusSeconds(1), ZoneOffset.UTC);

        assertRejected(() -> trusting(EC).withClock(later).verifyServer(EC.chain(), HOST), Reason.CERTIFICATE_EXPIRED, "expired");
    }

    @Test
    void rejectsALeafThatIsNotYetValid() {
        Clock earlier = Clock.fixed(EC.leaf().certificate().getNotBefore().toInstant().minusSeconds(1), ZoneOffset.UTC);

        assertRejected(() -> trusting(EC).withClock(earlier).verifyServer(EC.chain(), HOST), Reason.CERTIFICATE_EXPIRED, "is not valid before");
    }

    @Test
    void rejectsAnExpiredIntermediateNamingIt() {
        IssuedCertificate expiredIntermediate = PKI.issue(CertificateSpec.authority("CN=Expired Intermediate",
                CertificateKeyType.EC_P256, NOW.minus(Duration.ofDays(30)), Duration.ofDays(10)), EC.root());
        IssuedCertificate leaf = PKI.issue(CertificateSpec.endEntity("CN=" + HOST, CertificateKeyType.EC_P256,
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(10)).withDnsNames(HOST), expiredIntermediate);
        CertificateChain chain = CertificateChain.of(leaf.certificate(), expiredIntermediate.certificate());

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST), Reason.CERTIFICATE_EXPIRED, "Expired Intermediate");
    }

    @Test
    void rejectsAWrongHostWithBadCertificate() {
        assertRejected(() -> trusting(EC).verifyServer(EC.chain(), "other.example.com"), Reason.BAD_CERTIFICATE, "\"other.example.com\"");
    }

    @Test
    void rejectsAClientAuthOnlyLeafPresentedByAServer() {
        CertificateChain chain = chainWithLeaf(leafSpec().withExtendedKeyUsages(EnumSet.of(ExtendedKeyUsage.CLIENT_AUTH)));

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST), Reason.UNSUPPORTED_CERTIFICATE, "not for a TLS server");
    }

    @Test
    void rejectsAServerAuthOnlyLeafPresentedByAClient() {
        CertificateChain chain = chainWithLeaf(leafSpec().withExtendedKeyUsages(EnumSet.of(ExtendedKeyUsage.SERVER_AUTH)));

        assertRejected(() -> trusting(EC).verifyClient(chain), Reason.UNSUPPORTED_CERTIFICATE, "not for a TLS client");
    }

    @Test
    void acceptsALeafWithoutExtendedKeyUsageForEitherRole() {
        CertificateChain chain = chainWithLeaf(leafSpec().withExtendedKeyUsages(Set.of()));

        assertThat(trusting(EC).verifyServer(chain, HOST).trustAnchor()).isPresent();
        assertThat(trusting(EC).verifyClient(chain).trustAnchor()).isPresent();
    }

    @Test
    void rejectsASigningUseWhenKeyUsageAllowsOnlyKeyEncipherment() {
        CertificateChain chain = chainWithLeaf(leafSpec().withKeyUsages(EnumSet.of(KeyUsage.KEY_ENCIPHERMENT)));

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST, LeafKeyUse.DIGITAL_SIGNATURE),
                Reason.UNSUPPORTED_CERTIFICATE, "DIGITAL_SIGNATURE");
    }

    @Test
    void rejectsRsaKeyTransportWhenKeyUsageLacksKeyEncipherment() {
        CertificateChain chain = chainWithLeaf(leafSpec().withKeyUsages(EnumSet.of(KeyUsage.DIGITAL_SIGNATURE)));

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST, LeafKeyUse.KEY_ENCIPHERMENT),
                Reason.UNSUPPORTED_CERTIFICATE, "KEY_ENCIPHERMENT");
    }

    @Test
    void rejectsALeafIssuedByANonCaCertificate() {
        IssuedCertificate fakeIssuer = EC.leaf();
        IssuedCertificate leaf = PKI.issue(CertificateSpec.endEntity("CN=Signed By A Leaf", CertificateKeyType.EC_P256,
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(10)).withDnsNames(HOST), fakeIssuer);
        CertificateChain chain = CertificateChain.of(leaf.certificate(), EC.leaf().certificate(), EC.intermediate().certificate());

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST), Reason.BAD_CERTIFICATE, "certificate 1 (CN=server.example.com) may not sign certificates");
    }

    @Test
    void rejectsALeafWhoseSignatureDoesNotVerifyWithItsIssuersKey() {
        // An impostor CA with the real intermediate's name signs the leaf; the chain carries the real intermediate.
        IssuedCertificate impostor = PKI.issue(CertificateSpec.authority(
                EC.intermediate().certificate().getSubjectX500Principal().getName(), CertificateKeyType.EC_P256,
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(10)), OTHER.root());
        CertificateChain chain = CertificateChain.of(PKI.issue(leafSpec(), impostor).certificate(), EC.intermediate().certificate());

        assertRejected(() -> trusting(EC).verifyServer(chain, HOST), Reason.BAD_CERTIFICATE, "does not verify");
    }

    @Test
    void rejectsARevokedLeafListedInAConfiguredCrl() {
        PkixCertificateVerifier verifier = trusting(EC).withRevocationLists(List.of(
                PKI.revocationList(EC.root(), List.of(), NOW.minusSeconds(60)),
                PKI.revocationList(EC.intermediate(), List.of(EC.leaf().certificate()), NOW.minusSeconds(60))));

        assertRejected(() -> verifier.verifyServer(EC.chain(), HOST), Reason.CERTIFICATE_REVOKED, "revoked");
    }

    @Test
    void acceptsAnUnrevokedChainWhenCrlsCoverEveryIssuer() {
        PkixCertificateVerifier verifier = trusting(EC).withRevocationLists(List.of(
                PKI.revocationList(EC.root(), List.of(), NOW.minusSeconds(60)),
                PKI.revocationList(EC.intermediate(), List.of(OTHER.leaf().certificate()), NOW.minusSeconds(60))));

        assertThat(verifier.verifyServer(EC.chain(), HOST).trustAnchor()).isPresent();
    }

    @Test
    void reportsCertificateUnknownWhenRevocationIsOnButNoStatusIsAvailable() {
        assertRejected(() -> trusting(EC).withRevocationChecking(true).verifyServer(EC.chain(), HOST),
                Reason.CERTIFICATE_UNKNOWN, "revoked");
    }

    @Test
    void rejectsAnEmptyServerChainAsADecodeError() {
        assertRejected(() -> trusting(EC).verifyServer(CertificateChain.empty(), HOST), Reason.MALFORMED_MESSAGE, "empty");
    }

    @Test
    void rejectsAnEmptyClientChainAsCertificateRequired() {
        assertRejected(() -> trusting(EC).verifyClient(CertificateChain.empty()), Reason.CERTIFICATE_REQUIRED, "no certificate");
    }

    @Test
    void insecureVerifierAcceptsAnUntrustedExpiredChainForAnyHost() {
        CertificateVerifier insecure = CertificateVerifier.insecureAcceptAnyCertificate();

        VerifiedChain verified = insecure.verifyServer(OTHER.chain(), "anything.invalid");

        assertThat(verified.trustAnchor()).isEmpty();
        assertThat(insecure.toString()).contains("INSECURE");
        assertThatThrownBy(() -> insecure.verifyServer(CertificateChain.empty(), HOST)).isInstanceOf(TlsException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"BAD_CERTIFICATE", "UNSUPPORTED_CERTIFICATE", "CERTIFICATE_EXPIRED",
            "CERTIFICATE_REVOKED", "CERTIFICATE_UNKNOWN", "UNKNOWN_CA"})
    void eachCertificateFailureHasItsOwnAlert(Reason reason) {
        long sameAlert = EnumSet.of(Reason.BAD_CERTIFICATE, Reason.UNSUPPORTED_CERTIFICATE, Reason.CERTIFICATE_EXPIRED,
                Reason.CERTIFICATE_REVOKED, Reason.CERTIFICATE_UNKNOWN, Reason.UNKNOWN_CA).stream()
                .filter(other -> other.alertToSend().equals(reason.alertToSend())).count();

        assertThat(sameAlert).isEqualTo(1);
        assertThat(reason.alertToSend()).get().isNotEqualTo(AlertDescription.INTERNAL_ERROR);
    }

    private static CertificateSpec leafSpec() {
        return CertificateSpec.endEntity("CN=" + HOST, CertificateKeyType.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(10))
                .withDnsNames(HOST);
    }

    private static CertificateChain chainWithLeaf(CertificateSpec spec) {
        return CertificateChain.of(PKI.issue(spec, EC.intermediate()).certificate(), EC.intermediate().certificate());
    }

    /** Returns leaf, intermediate n, ..., intermediate 1, where intermediate 1 was issued by EC's root. */
    private static CertificateChain chainThrough(int intermediates) {
        IssuedCertificate issuer = EC.root();
        List<X509Certificate> chain = new ArrayList<>();
        for (int level = 1; level <= intermediates; level++) {
            issuer = PKI.issue(CertificateSpec.authority("CN=Level " + level, CertificateKeyType.EC_P256,
                    NOW.minus(Duration.ofDays(1)), Duration.ofDays(10)), issuer);
            chain.add(0, issuer.certificate());
        }
        chain.add(0, PKI.issue(leafSpec(), issuer).certificate());
        return CertificateChain.of(chain);
    }

    private static void assertRejected(ThrowingCallable call, Reason reason, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOf(TlsException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(reason));
    }
}
