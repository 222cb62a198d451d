package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.HOST;
import static io.tlsmachine.impl.engine.FailureProvocations.handshakeUntilFailure;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec;
import io.tlsmachine.impl.certificate.issuing.IssuedCertificate;
import io.tlsmachine.impl.engine.FailureProvocations.Failure;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Ways to make a client fail while authenticating the server (RFC 8446 §4.4.2, §4.4.3; RFC 5280 §6). */
final class CertificateFailureProvocations {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant NOW = Instant.now();
    private static final TestPki PKI = new TestPki(EngineFixtures.seeded(7));
    /** A second EC hierarchy whose CAs this class can issue leaves and revocation lists for. */
    private static final TestPki.Hierarchy OTHER = PKI.hierarchy("Failure EC", CertificateKeyType.EC_P256, HOST, NOW);

    private CertificateFailureProvocations() {
    }

    /**
     * RFC 5246 §7.4.3: the last byte of the TLS 1.2 ServerKeyExchange signature (just before ServerHelloDone, in the
     * same record or its own) is changed in flight.
     */
    static Failure tamperedServerKeyExchangeSignature() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        byte[] flight = pair.server.drainOutbound();
        int end = flight.length - 4;
        if (Arrays.equals(flight, end - 5, end, HEX.parseHex("1603030004"), 0, 5)) {
            end -= 5;
        }
        flight[end - 1] ^= 0x01;
        pair.client.feed(flight);
        return new Failure(pair.client, pair.client.drainOutbound(), pair.server, pair);
    }

    static Failure certificateForAnotherName() {
        return handshakeUntilFailure(EngineFixtures.client(EC).serverName("other.test").build(), EngineFixtures.server(EC).build());
    }

    static Failure certificateFromAnUntrustedAuthority() {
        return handshakeUntilFailure(EngineFixtures.client(EngineFixtures.RSA).build(), EngineFixtures.server(EC).build());
    }

    /** RFC 5280 §4.2.1.12: a leaf whose extended key usage allows client authentication only. */
    static Failure serverCertificateForClientAuthenticationOnly() {
        IssuedCertificate leaf = PKI.issue(CertificateSpec.endEntity("CN=" + HOST, CertificateKeyType.EC_P256,
                NOW.minus(Duration.ofHours(1)), Duration.ofDays(90)).withDnsNames(HOST)
                .withExtendedKeyUsages(Set.of(CertificateSpec.ExtendedKeyUsage.CLIENT_AUTH)), OTHER.intermediate());
        return handshakeUntilFailure(EngineFixtures.client(OTHER).build(),
                EngineFixtures.server(EC).certifiedKey(leaf.certifiedKey(OTHER.intermediate())).build());
    }

    static Failure certificateCheckedAfterItExpired() {
        Clock nextYear = Clock.fixed(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC);
        return handshakeUntilFailure(EngineFixtures.client(OTHER).certificateVerifier(pkix(OTHER).withClock(nextYear)).build(),
                EngineFixtures.server(OTHER).build());
    }

    static Failure certificateOnTheIntermediatesRevocationList() {
        Instant issued = NOW.minus(Duration.ofMinutes(30));
        PkixCertificateVerifier verifier = pkix(OTHER).withRevocationLists(List.of(
                PKI.revocationList(OTHER.root(), List.of(), issued),
                PKI.revocationList(OTHER.intermediate(), List.of(OTHER.leaf().certificate()), issued)));
        return handshakeUntilFailure(EngineFixtures.client(OTHER).certificateVerifier(verifier).build(),
                EngineFixtures.server(OTHER).build());
    }

    static Failure revocationRequiredButNoListAvailable() {
        return handshakeUntilFailure(EngineFixtures.client(OTHER).certificateVerifier(pkix(OTHER).withRevocationChecking(true)).build(),
                EngineFixtures.server(OTHER).build());
    }

    /** A local fault: the verifier's clock throws, and the engine reports internal_error rather than crashing. */
    static Failure verifierClockThatThrows() {
        Clock broken = new Clock() {
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
                throw new IllegalStateException("clock unavailable");
            }
        };
        return handshakeUntilFailure(EngineFixtures.client(OTHER).certificateVerifier(pkix(OTHER).withClock(broken)).build(),
                EngineFixtures.server(OTHER).build());
    }

    private static PkixCertificateVerifier pkix(TestPki.Hierarchy pki) {
        return (PkixCertificateVerifier) CertificateVerifier.pkix(pki.anchors());
    }
}
