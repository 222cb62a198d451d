package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every {@link Reason} a connection can fail with, provokes it through the engine and checks that exactly one
 * record leaves the failed engine, carrying the one alert {@link Reason#alertToSend()} maps the reason to, and that
 * the engine is FAILED. Reasons no test can provoke are listed with why; a reason the source raises that is in
 * neither list fails {@link #everyReasonTheSourceRaisesIsProvokedOrExplained()}.
 */
class FailureReasonCoverageTest {

    /** Each provokable reason and how to provoke it. */
    static final Map<Reason, FailureProvocations.Provocation> PROVOKED = new EnumMap<>(Reason.class);

    /** Reasons the implementation raises but no engine test can reach, with why. */
    static final Map<Reason, String> UNREACHABLE_IN_A_TEST = new EnumMap<>(Reason.class);

    /** Reasons nothing in the implementation raises (yet), with why. */
    static final Map<Reason, String> NEVER_RAISED = new EnumMap<>(Reason.class);

    static {
        PROVOKED.put(Reason.UNEXPECTED_MESSAGE, FailureProvocations::serverHelloDoneWhileWaitingForServerHello);
        PROVOKED.put(Reason.UNKNOWN_CONTENT_TYPE, FailureProvocations::unknownContentType);
        PROVOKED.put(Reason.ZERO_LENGTH_FRAGMENT, FailureProvocations::zeroLengthHandshakeRecord);
        PROVOKED.put(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY, FailureProvocations::handshakeBytesPendingAtTheServersReadKeyChange);
        PROVOKED.put(Reason.INTERLEAVED_HANDSHAKE, FailureProvocations::changeCipherSpecInsideAFragmentedClientHello);
        PROVOKED.put(Reason.TOO_MUCH_EARLY_DATA, FailureProvocations::rejectedEarlyDataBeyondTheBound);
        PROVOKED.put(Reason.MALFORMED_MESSAGE, FailureProvocations::alertRecordOfThreeBytes);
        PROVOKED.put(Reason.TRAILING_BYTES, FailureProvocations::clientHelloWithATrailingByte);
        PROVOKED.put(Reason.LENGTH_OUT_OF_RANGE, FailureProvocations::clientHelloWithASessionIdOfThirtyThreeBytes);
        PROVOKED.put(Reason.HANDSHAKE_MESSAGE_TOO_LARGE, FailureProvocations::handshakeHeaderDeclaringSixteenMegabytes);
        PROVOKED.put(Reason.DUPLICATE_EXTENSION, FailureProvocations::clientHelloWithADuplicatedExtension);
        PROVOKED.put(Reason.UNSUPPORTED_EXTENSION, FailureProvocations::recordSizeLimitAnsweredThatTheClientNeverOffered);
        PROVOKED.put(Reason.MISSING_EXTENSION, FailureProvocations::tls13ClientHelloWithoutSignatureAlgorithms);
        PROVOKED.put(Reason.ILLEGAL_PARAMETER, FailureProvocations::tls13ClientHelloWithDeflate);
        PROVOKED.put(Reason.BAD_RECORD_MAC, FailureProvocations::tamperedServerFlight);
        PROVOKED.put(Reason.RECORD_OVERFLOW, FailureProvocations::plaintextRecordLongerThanTwoToTheFourteen);
        PROVOKED.put(Reason.PROTOCOL_VERSION_UNSUPPORTED, FailureProvocations::tls12OnlyClientAgainstTls13OnlyServer);
        PROVOKED.put(Reason.DOWNGRADE_DETECTED, FailureProvocations::supportedVersionsStrippedByAnAttacker);
        PROVOKED.put(Reason.NO_COMMON_CIPHER_SUITE, FailureProvocations::noCommonCipherSuite);
        PROVOKED.put(Reason.NO_COMMON_GROUP, FailureProvocations::noCommonGroup);
        PROVOKED.put(Reason.NO_COMMON_SIGNATURE_SCHEME, FailureProvocations::clientAcceptsOnlyRsaSignaturesFromAnEcServer);
        PROVOKED.put(Reason.UNOFFERED_PARAMETER_SELECTED, FailureProvocations::alpnProtocolSelectedThatTheClientNeverOffered);
        PROVOKED.put(Reason.ILLEGAL_HELLO_RETRY, FailureProvocations::firstClientHelloReplayedAfterHelloRetryRequest);
        PROVOKED.put(Reason.INVALID_KEY_SHARE, FailureProvocations::keyShareOffCurve);
        PROVOKED.put(Reason.INSUFFICIENT_SECURITY, KeyExchangeProvocations::noAcceptableFfdheGroupAndNoOtherSuite);
        PROVOKED.put(Reason.DH_PUBLIC_VALUE_OUT_OF_RANGE, KeyExchangeProvocations::clientDhValueOfPMinusOne);
        PROVOKED.put(Reason.INSECURE_RENEGOTIATION, FailureProvocations::tls12ClientHelloWithoutRenegotiationInfo);
        PROVOKED.put(Reason.EXTENDED_MASTER_SECRET_REQUIRED, FailureProvocations::tls12ClientHelloWithoutExtendedMasterSecret);
        PROVOKED.put(Reason.EXTENDED_MASTER_SECRET_INCONSISTENT, FailureProvocations::tls12ResumptionWithoutExtendedMasterSecret);
        PROVOKED.put(Reason.NO_APPLICATION_PROTOCOL, FailureProvocations::noCommonApplicationProtocol);
        PROVOKED.put(Reason.BAD_FINISHED, FailureProvocations::tls12TranscriptChangedWithoutExtendedMasterSecret);
        PROVOKED.put(Reason.BAD_SIGNATURE, CertificateFailureProvocations::tamperedServerKeyExchangeSignature);
        PROVOKED.put(Reason.BAD_BINDER, FailureProvocations::resumptionWithATamperedBinder);
        PROVOKED.put(Reason.BAD_CERTIFICATE, CertificateFailureProvocations::certificateForAnotherName);
        PROVOKED.put(Reason.UNSUPPORTED_CERTIFICATE, CertificateFailureProvocations::serverCertificateForClientAuthenticationOnly);
        PROVOKED.put(Reason.CERTIFICATE_EXPIRED, CertificateFailureProvocations::certificateCheckedAfterItExpired);
        PROVOKED.put(Reason.CERTIFICATE_REVOKED, CertificateFailureProvocations::certificateOnTheIntermediatesRevocationList);
        PROVOKED.put(Reason.CERTIFICATE_UNKNOWN, CertificateFailureProvocations::revocationRequiredButNoListAvailable);
        PROVOKED.put(Reason.UNKNOWN_CA, CertificateFailureProvocations::certificateFromAnUntrustedAuthority);
        PROVOKED.put(Reason.CERTIFICATE_REQUIRED, FailureProvocations::requiredClientCertificateMissing);
        PROVOKED.put(Reason.INTERNAL_ERROR, CertificateFailureProvocations::verifierClockThatThrows);
        PROVOKED.put(Reason.PEER_SENT_FATAL_ALERT, FailureProvocations::fatalAlertFromThePeer);
        PROVOKED.put(Reason.INAPPROPRIATE_FALLBACK, FailureProvocations::tls12ClientHelloWithFallbackScsv);

        UNREACHABLE_IN_A_TEST.put(Reason.SEQUENCE_NUMBER_EXHAUSTED,
                "needs 2^64 records under one key (RFC 8446 §5.5); SequenceNumber's own tests cover the wrap");

        NEVER_RAISED.put(Reason.WRONG_EPOCH,
                "a message under the wrong epoch is fired into the model, which answers UNEXPECTED_MESSAGE");
        NEVER_RAISED.put(Reason.UNRECOGNIZED_NAME, "the server has one certified key and does not reject unknown SNI names");
        NEVER_RAISED.put(Reason.UNKNOWN_PSK_IDENTITY,
                "an unknown or foreign ticket falls back to a full handshake (RFC 8446 §4.2.11), external PSKs are not supported");
    }

    static Stream<Reason> provokedReasons() {
        return PROVOKED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provokedReasons")
    void failureSendsExactlyTheOneAlertItsReasonMapsToAndEndsInFailed(Reason reason) {
        FailureProvocations.Failure failure = PROVOKED.get(reason).provoke();
        TlsEngine engine = failure.engine();
        assertThat(engine.isFailed()).as("%s engine is FAILED, state %s", engine.role(), engine.state()).isTrue();
        assertThat(engine.failure().orElseThrow().reason())
                .as("failure %s", engine.failure().orElseThrow().getMessage()).isEqualTo(reason);
        byte[] sent = failure.sent();
        if (reason.alertToSend().isEmpty()) {
            assertThat(sent).as("no alert answers a fatal alert").isEmpty();
        } else {
            AlertDescription expected = reason.alertToSend().orElseThrow();
            assertThat(sent.length).as("bytes sent after failing").isGreaterThan(5);
            int recordLength = ((sent[3] & 0xFF) << 8) | (sent[4] & 0xFF);
            assertThat(sent.length).as("exactly one record after failing").isEqualTo(5 + recordLength);
            if (sent[0] == 21 && recordLength == 2) {
                assertThat(sent[5]).as("fatal level").isEqualTo((byte) 2);
                assertThat(sent[6] & 0xFF).as("alert description").isEqualTo(expected.code());
            } else {
                assertThat(failure.peer()).as("a protected alert needs the peer to read it").isNotNull();
            }
            if (failure.peer() != null) {
                failure.peer().feed(sent);
                assertThat(failure.peer().receivedAlert().orElseThrow().description()).isEqualTo(expected);
                assertThat(failure.peer().isFailed()).isTrue();
                assertThat(failure.peer().drainOutbound()).as("nothing answers a fatal alert").isEmpty();
            }
        }
        engine.feed(new byte[] {22, 3, 3, 0, 4, 14, 0, 0, 0});
        assertThat(engine.drainOutbound()).as("a failed engine sends nothing more").isEmpty();
        failure.pair().assertTracesArePathsOfTheModel();
    }

    @Test
    void everyReasonIsProvokedOrExplainedExactlyOnce() {
        Set<Reason> all = EnumSet.noneOf(Reason.class);
        for (Set<Reason> listed : java.util.List.of(PROVOKED.keySet(), UNREACHABLE_IN_A_TEST.keySet(), NEVER_RAISED.keySet())) {
            for (Reason reason : listed) {
                assertThat(all.add(reason)).as("%s is listed once", reason).isTrue();
            }
        }
        assertThat(all).containsExactlyInAnyOrder(Reason.values());
    }

    /** Scans the implementation's sources: a reason one raises must be provoked here or explained as unreachable. */
    @Test
    void everyReasonTheSourceRaisesIsProvokedOrExplained() {
        Set<Reason> raised = reasonsNamedInSources(Path.of("src/main/java"));
        Set<Reason> unexplained = new TreeSet<>(raised);
        unexplained.removeAll(PROVOKED.keySet());
        unexplained.removeAll(UNREACHABLE_IN_A_TEST.keySet());
        assertThat(unexplained).as("reasons the implementation raises without a provoking test").isEmpty();
        Set<Reason> claimedNeverRaised = new TreeSet<>(NEVER_RAISED.keySet());
        claimedNeverRaised.retainAll(raised);
        assertThat(claimedNeverRaised).as("reasons listed as never raised that the implementation now raises").isEmpty();
    }

    private static Set<Reason> reasonsNamedInSources(Path root) {
        assertThat(root).as("run from the impl module").isDirectory();
        Pattern use = Pattern.compile("\\bReason\\.([A-Z][A-Z_]+)\\b");
        Set<Reason> named = EnumSet.noneOf(Reason.class);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Reason.java")).toList()) {
                Matcher matcher = use.matcher(Files.readString(file));
                while (matcher.find()) {
                    for (Reason reason : Reason.values()) {
                        if (reason.name().equals(matcher.group(1))) {
                            named.add(reason);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }
}
