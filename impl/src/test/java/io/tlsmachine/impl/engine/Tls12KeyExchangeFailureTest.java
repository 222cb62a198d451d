package io.tlsmachine.impl.engine;

import io.tlsmachine.TakenTransition;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static io.tlsmachine.impl.engine.KeyExchangeProvocations.DHE;
import static io.tlsmachine.impl.engine.KeyExchangeProvocations.FFDHE2048_P;
import static io.tlsmachine.impl.engine.KeyExchangeProvocations.KEY_TRANSPORT;
import static io.tlsmachine.impl.engine.KeyExchangeProvocations.client;
import static io.tlsmachine.impl.engine.KeyExchangeProvocations.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.RsaClientKeyExchange;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.testkit.TestPki;
import io.tlsmachine.model.ProtocolVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Attacks and misconfigurations around the TLS 1.2 key exchanges DHE (RFC 7919) and RSA key transport (RFC 5246
 * §7.4.7.1): each fails with the one alert the RFC asks for, and where the wrong message arrives, the model (not the
 * engine) answers unexpected_message.
 */
class Tls12KeyExchangeFailureTest {

    private static byte[] plaintextFatalAlert(AlertDescription description) {
        return HexFormat.of().parseHex("150303000202" + String.format("%02x", description.code()));
    }

    /** Runs the client's hello to the server, rewrites the server's first flight, and feeds it to the client. */
    private static EngineFixtures.Pair clientFedRewrittenServerFlight(EngineFixtures.Pair pair, UnaryOperator<List<byte[]>> rewrite) {
        pair.client.beginHandshake();
        byte[] hello = pair.client.drainOutbound();
        pair.server.feed(hello);
        List<byte[]> flight = new ArrayList<>(TestRecords.split(pair.server.drainOutbound()));
        flight.add(0, hello); // index 0: ClientHello, for rewrites that need its random
        List<byte[]> rewritten = rewrite.apply(flight);
        pair.client.feed(Tls12Interceptor.join(rewritten.subList(1, rewritten.size())));
        return pair;
    }

    private static void assertClientFailedWith(EngineFixtures.Pair pair, Reason reason, AlertDescription alert) {
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(reason);
        assertThat(pair.client.drainOutbound()).isEqualTo(plaintextFatalAlert(alert));
        pair.assertTracesArePathsOfTheModel();
    }

    /**
     * FREAK-style hop: an attacker turns the DHE suite of the ServerHello into RSA key transport, which the client also
     * offered; the ServerKeyExchange that follows the Certificate has no transition under RSA in the model.
     */
    @Test
    void serverKeyExchangeUnderRsaKeyTransportIsAnUnexpectedMessageFromTheModel() {
        EngineFixtures.Pair pair = clientFedRewrittenServerFlight(
                new EngineFixtures.Pair(client(KEY_TRANSPORT, DHE).build(), server(DHE).build()), flight -> {
                    flight.set(1, Tls12Interceptor.withSuite(flight.get(1), KEY_TRANSPORT));
                    return flight;
                });
        assertClientFailedWith(pair, Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(pair.client.facts().tls12KeyExchange()).isEqualTo(io.tlsmachine.model.Tls12KeyExchange.RSA);
        assertThat(pair.clientTrace.get(pair.clientTrace.size() - 1).to()).isEqualTo(ClientState.TLS12_WAIT_CR_OR_SHD);
    }

    /** The other direction: the ServerHello names DHE, the server sends no ServerKeyExchange; ServerHelloDone is unexpected. */
    @Test
    void missingServerKeyExchangeUnderDheIsAnUnexpectedMessageFromTheModel() {
        EngineFixtures.Pair pair = clientFedRewrittenServerFlight(
                new EngineFixtures.Pair(client(DHE, KEY_TRANSPORT).build(), server(KEY_TRANSPORT).build()), flight -> {
                    flight.set(1, Tls12Interceptor.withSuite(flight.get(1), DHE));
                    return flight;
                });
        assertClientFailedWith(pair, Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(pair.clientTrace.get(pair.clientTrace.size() - 1).to()).isEqualTo(ClientState.TLS12_WAIT_SKE);
    }

    /** Replaces the server's ServerKeyExchange (flight index 3) with one over (p, g, Ys), validly signed. */
    private static EngineFixtures.Pair clientGivenDheParameters(BigInteger p, BigInteger g, BigInteger ys) {
        return clientFedRewrittenServerFlight(new EngineFixtures.Pair(client(DHE).build(), server(DHE).build()), flight -> {
            flight.set(3, Tls12Interceptor.signedDheServerKeyExchange(flight.get(0), flight.get(1),
                    RSA.certifiedLeaf().privateKey(), p, g, ys));
            return flight;
        });
    }

    /**
     * RFC 7919 §3.1: a signed ServerKeyExchange with a custom group our policy refuses gets insufficient_security: a
     * 1024-bit prime, a 2048-bit number that is no (safe) prime, a generator out of range.
     */
    @Test
    void weakOrUncheckableCustomDheGroupGetsInsufficientSecurity() {
        long seed = 7919;
        BigInteger weak = BigInteger.probablePrime(1024, new Random(seed));
        BigInteger composite = BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE); // divisible by 3
        for (BigInteger[] pg : List.of(new BigInteger[] {weak, BigInteger.TWO}, new BigInteger[] {composite, BigInteger.TWO},
                new BigInteger[] {FFDHE2048_P, FFDHE2048_P.subtract(BigInteger.ONE)})) {
            EngineFixtures.Pair pair = clientGivenDheParameters(pg[0], pg[1], BigInteger.valueOf(4));
            assertThat(pair.client.failure().map(f -> f.reason())).as("seed %d, %d-bit p", seed, pg[0].bitLength())
                    .contains(Reason.INSUFFICIENT_SECURITY);
            assertClientFailedWith(pair, Reason.INSUFFICIENT_SECURITY, AlertDescription.INSUFFICIENT_SECURITY);
        }
    }

    /**
     * RFC 7919 §3.1: a group we did not offer (ffdhe3072 to a client offering ffdhe2048 only) is a custom group to the
     * client; a safe prime of 3072 bits passes our policy, and the client answers with its ClientKeyExchange.
     */
    @Test
    void customSafePrimeGroupOfAtLeast2048BitsIsAccepted() {
        EngineFixtures.Pair pair = clientFedRewrittenServerFlight(new EngineFixtures.Pair(
                client(DHE).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE2048).build(), server(DHE).build()), flight -> {
                    flight.set(3, Tls12Interceptor.signedDheServerKeyExchange(flight.get(0), flight.get(1),
                            RSA.certifiedLeaf().privateKey(), FfdheGroups.prime(KeyExchangeGroup.FFDHE3072), BigInteger.TWO,
                            BigInteger.valueOf(4)));
                    return flight;
                });
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.SERVER_HELLO_DONE);
        List<byte[]> sent = TestRecords.split(pair.client.drainOutbound());
        assertThat(Tls12Interceptor.decode(sent.get(0), Tls12Interceptor.tls12(io.tlsmachine.model.analysis.Role.CLIENT,
                io.tlsmachine.impl.codec.message.KeyExchangeKind.DHE))).isInstanceOfSatisfying(
                        io.tlsmachine.impl.codec.message.DheClientKeyExchange.class,
                        cke -> assertThat(cke.publicValue().length()).isEqualTo(384));
        pair.assertTracesArePathsOfTheModel();
    }

    /** RFC 7919 §3: the client checks 1 &lt; Ys &lt; p-1 and otherwise fails with handshake_failure. */
    @Test
    void serverDhValueOutsideOneToPMinusOneGetsHandshakeFailure() {
        for (BigInteger ys : List.of(BigInteger.ZERO, BigInteger.ONE, FFDHE2048_P.subtract(BigInteger.ONE), FFDHE2048_P)) {
            EngineFixtures.Pair pair = clientGivenDheParameters(FFDHE2048_P, BigInteger.TWO, ys);
            assertClientFailedWith(pair, Reason.DH_PUBLIC_VALUE_OUT_OF_RANGE, AlertDescription.HANDSHAKE_FAILURE);
        }
    }

    /** RFC 7919 §4: the server checks 1 &lt; Yc &lt; p-1 and otherwise fails with handshake_failure. */
    @Test
    void clientDhValueOutsideOneToPMinusOneGetsHandshakeFailure() {
        for (BigInteger yc : List.of(BigInteger.ONE, FFDHE2048_P.subtract(BigInteger.ONE), FFDHE2048_P.add(BigInteger.TWO))) {
            FailureProvocations.Failure failure = KeyExchangeProvocations.afterClientKeyExchangeReplaced(yc);
            assertThat(failure.engine().failure().orElseThrow().reason()).isEqualTo(Reason.DH_PUBLIC_VALUE_OUT_OF_RANGE);
            assertThat(failure.sent()).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
            failure.pair().assertTracesArePathsOfTheModel();
        }
    }

    /**
     * RFC 5246 §7.4.7.1: a garbled ciphertext, a premaster with the wrong client_version and a ciphertext of the wrong
     * length all continue with a random premaster; the server answers nothing to ClientKeyExchange, and fails only when
     * the client's Finished does not decrypt: the same bad_record_mac, the same trace, so no oracle.
     */
    @Test
    void badRsaPremasterSurfacesOnlyAsTheSameFinishedFailure() {
        java.security.PublicKey serverKey = RSA.certifiedLeaf().chain().leaf().getPublicKey();
        byte[] wrongVersion = new byte[48];
        wrongVersion[0] = 3;
        wrongVersion[1] = 1;
        List<UnaryOperator<byte[]>> tamperings = List.of(
                encrypted -> { encrypted[encrypted.length / 2] ^= 0x40; return encrypted; },
                encrypted -> CryptoProviders.fastest().rsaEncrypt(serverKey, wrongVersion, EngineFixtures.seeded(5)),
                encrypted -> java.util.Arrays.copyOf(encrypted, encrypted.length - 1));
        List<List<Input>> serverInputs = new ArrayList<>();
        for (UnaryOperator<byte[]> tamper : tamperings) {
            EngineFixtures.Pair pair = new EngineFixtures.Pair(client(KEY_TRANSPORT).build(), server(KEY_TRANSPORT).build());
            pair.client.beginHandshake();
            pair.server.feed(pair.client.drainOutbound());
            pair.client.feed(pair.server.drainOutbound());
            List<byte[]> flight = new ArrayList<>(TestRecords.split(pair.client.drainOutbound()));
            RsaClientKeyExchange cke = (RsaClientKeyExchange) Tls12Interceptor.decode(flight.get(0),
                    Tls12Interceptor.tls12(io.tlsmachine.model.analysis.Role.CLIENT,
                            io.tlsmachine.impl.codec.message.KeyExchangeKind.RSA));
            flight.set(0, Tls12Interceptor.record(new RsaClientKeyExchange(
                    Opaque.of(tamper.apply(cke.encryptedPreMasterSecret().toByteArray())))));
            pair.server.feed(Tls12Interceptor.join(flight.subList(0, 2)));
            assertThat(pair.server.isFailed()).as("no failure at ClientKeyExchange").isFalse();
            assertThat(pair.server.drainOutbound()).as("nothing answers ClientKeyExchange").isEmpty();
            pair.server.feed(flight.get(2));
            assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_RECORD_MAC);
            assertThat(pair.server.drainOutbound()).isEqualTo(plaintextFatalAlert(AlertDescription.BAD_RECORD_MAC));
            assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
            pair.assertTracesArePathsOfTheModel();
            serverInputs.add(pair.serverTrace.stream().map(TakenTransition::input).toList());
        }
        assertThat(serverInputs).as("every bad premaster takes the same path").containsOnly(serverInputs.get(0));
    }

    /** RFC 5246 §7.4.2: DHE_RSA and RSA suites need an RSA certificate; our ECDSA server selects neither. */
    @Test
    void serverWithAnEcdsaCertificateSelectsNoDheRsaOrRsaSuite() {
        CipherSuite ecdsa = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).cipherSuites(DHE, KEY_TRANSPORT, ecdsa)
                        .build(),
                EngineFixtures.server(EC).cipherSuites(DHE, KEY_TRANSPORT, ecdsa).build()).handshake();
        assertThat(pair.server.negotiated().orElseThrow().cipherSuite()).isEqualTo(ecdsa);
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        pair.assertTracesArePathsOfTheModel();

        FailureProvocations.Failure none = FailureProvocations.handshakeUntilFailure(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).cipherSuites(DHE, KEY_TRANSPORT).build(),
                EngineFixtures.server(EC).cipherSuites(DHE, KEY_TRANSPORT, ecdsa).build());
        assertThat(none.engine().failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_CIPHER_SUITE);
        assertThat(none.sent()).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
    }

    /** An RSA leaf whose key usage allows signing only (RFC 5280 §4.2.1.3), issued under the RSA test hierarchy. */
    private static io.tlsmachine.CertifiedKey signOnlyRsaLeaf() {
        var spec = io.tlsmachine.impl.certificate.issuing.CertificateSpec.endEntity("CN=" + EngineFixtures.HOST,
                io.tlsmachine.impl.certificate.issuing.CertificateKeyType.RSA_2048, java.time.Instant.now().minusSeconds(60),
                java.time.Duration.ofDays(1)).withDnsNames(EngineFixtures.HOST)
                .withKeyUsages(java.util.Set.of(io.tlsmachine.impl.certificate.issuing.CertificateSpec.KeyUsage.DIGITAL_SIGNATURE));
        return new io.tlsmachine.testkit.TestPki(EngineFixtures.seeded(12)).issue(spec, RSA.intermediate())
                .certifiedKey(RSA.intermediate());
    }

    /**
     * RFC 5246 §7.4.2: RSA key transport needs a certificate that allows keyEncipherment; our server with a signing-only
     * RSA certificate passes over the RSA suite to DHE, and has no suite when RSA is all the client offers.
     */
    @Test
    void serverWithASigningOnlyRsaCertificateSelectsNoRsaKeyTransportSuite() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(KEY_TRANSPORT, DHE).build(),
                server(KEY_TRANSPORT, DHE).certifiedKey(signOnlyRsaLeaf()).build()).handshake();
        assertThat(pair.server.negotiated().orElseThrow().cipherSuite()).isEqualTo(DHE);
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        pair.assertTracesArePathsOfTheModel();
        FailureProvocations.Failure none = FailureProvocations.handshakeUntilFailure(client(KEY_TRANSPORT).build(),
                server(KEY_TRANSPORT, DHE).certifiedKey(signOnlyRsaLeaf()).build());
        assertThat(none.engine().failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_CIPHER_SUITE);
        assertThat(none.sent()).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
    }

    /**
     * RFC 5246 §7.4.2: an attacker turns the DHE suite into RSA key transport; the client will not encrypt to a
     * certificate whose key usage forbids keyEncipherment: unsupported_certificate.
     */
    @Test
    void clientRefusesRsaKeyTransportToASigningOnlyCertificate() {
        EngineFixtures.Pair pair = clientFedRewrittenServerFlight(new EngineFixtures.Pair(client(KEY_TRANSPORT, DHE).build(),
                server(DHE).certifiedKey(signOnlyRsaLeaf()).build()), flight -> {
                    flight.set(1, Tls12Interceptor.withSuite(flight.get(1), KEY_TRANSPORT));
                    return flight;
                });
        assertClientFailedWith(pair, Reason.UNSUPPORTED_CERTIFICATE, AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    /** RFC 7919 §4: no acceptable finite-field group and no other suite: insufficient_security, read by the client. */
    @Test
    void serverWithoutAnAcceptableFfdheGroupAndNoOtherSuiteSendsInsufficientSecurity() {
        FailureProvocations.Failure failure = KeyExchangeProvocations.noAcceptableFfdheGroupAndNoOtherSuite();
        assertThat(failure.engine().role()).isEqualTo(io.tlsmachine.model.analysis.Role.SERVER);
        assertThat(failure.sent()).isEqualTo(plaintextFatalAlert(AlertDescription.INSUFFICIENT_SECURITY));
        failure.peer().feed(failure.sent());
        assertThat(failure.peer().receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.INSUFFICIENT_SECURITY);
        failure.pair().assertTracesArePathsOfTheModel();
    }
}
