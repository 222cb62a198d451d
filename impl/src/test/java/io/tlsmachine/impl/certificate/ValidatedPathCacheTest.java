package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.CertificateVerifier;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.NOW;
import static io.tlsmachine.impl.certificate.Fixtures.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedPathCacheTest {
    private static final String HOST = "server.example.com";

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSecondVerificationOfTheSameChainReusesThePathAndStillChecksTheHostName() {
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(new MovableClock(NOW));

        VerifiedChain first = verifier.verifyServer(EC.chain(), HOST);
        VerifiedChain second = verifier.verifyServer(CertificateChain.fromDer(EC.chain().encodings()), HOST);

        assertThat(verifier.rememberedValidations()).isEqualTo(1);
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(second.trustAnchor()).isEqualTo(first.trustAnchor());
        assertThatThrownBy(() -> verifier.verifyServer(EC.chain(), "other.example.com"))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CERTIFICATE));
    }

    @Test
    void aRememberedChainIsValidatedAgainOnceTheClockPassesItsLeafsNotAfter() {
        MovableClock clock = new MovableClock(NOW);
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(clock);
        verifier.verifyServer(EC.chain(), HOST);

        clock.now = EC.leaf().certificate().getNotAfter().toInstant().plusSeconds(1);

        assertThatThrownBy(() -> verifier.verifyServer(EC.chain(), HOST))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED));
    }

    @Test
    void aRememberedValidationIsNotUsedBeforeItWasMadeNorAfterItsMaximumAge() {
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(new MovableClock(NOW));
        ValidatedPathCache cache = new ValidatedPathCache();
        VerifiedChain verified = verifier.verifyServer(EC.chain(), HOST);
        cache.remember(verified, NOW);

        assertThat(cache.lookup(EC.chain(), NOW)).isPresent();
        assertThat(cache.lookup(EC.chain(), NOW.plus(ValidatedPathCache.MAX_AGE))).isPresent();
        assertThat(cache.lookup(EC.chain(), NOW.minusSeconds(1))).isEmpty();
        assertThat(cache.lookup(EC.chain(), NOW.plus(ValidatedPathCache.MAX_AGE).plusSeconds(1))).isEmpty();
    }

    @Test
    void aChainFromAnotherCaIsRejectedAfterAGoodChainWasRemembered() {
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(new MovableClock(NOW));
        verifier.verifyServer(EC.chain(), HOST);

        assertThatThrownBy(() -> verifier.verifyServer(OTHER.chain(), HOST))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CA));
        assertThat(verifier.rememberedValidations()).isEqualTo(1);
    }

    @Test
    void theLeafAloneIsNotTheRememberedChain() {
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(new MovableClock(NOW));
        verifier.verifyServer(EC.chain(), HOST);

        assertThatThrownBy(() -> verifier.verifyServer(CertificateChain.of(EC.leaf().certificate()), HOST))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CA));
    }

    @Test
    void aVerifierThatChecksRevocationRemembersNothing() {
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors())
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withRevocationLists(List.of(
                        Fixtures.PKI.revocationList(EC.root(), List.of(), NOW.minusSeconds(60)),
                        Fixtures.PKI.revocationList(EC.intermediate(), List.of(), NOW.minusSeconds(60))));

        verifier.verifyServer(EC.chain(), HOST);

        assertThat(verifier.rememberedValidations()).isZero();
    }

    @Test
    void holdsAtMostItsCapacityOfChains() {
        ValidatedPathCache cache = new ValidatedPathCache();
        PkixCertificateVerifier verifier = CertificateVerifier.pkix(EC.anchors()).withClock(new MovableClock(NOW));
        VerifiedChain verified = verifier.verifyServer(EC.chain(), HOST);
        for (int i = 0; i < ValidatedPathCache.CAPACITY + 5; i++) {
            CertificateChain distinct = CertificateChain.of(EC.leaf().certificate(), EC.intermediate().certificate(),
                    Fixtures.PKI.selfSigned(io.tlsmachine.impl.certificate.issuing.CertificateSpec.endEntity("CN=Extra " + i,
                            io.tlsmachine.impl.certificate.issuing.CertificateKeyType.EC_P256, NOW.minus(Duration.ofDays(1)),
                            Duration.ofDays(10))).certificate());
            cache.remember(new VerifiedChain(distinct, verified.path(), verified.trustAnchor()), NOW);
        }

        assertThat(cache.size()).isEqualTo(ValidatedPathCache.CAPACITY);
    }
}
