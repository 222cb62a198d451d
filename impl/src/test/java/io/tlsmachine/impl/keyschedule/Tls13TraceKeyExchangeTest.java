package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.vectors.Tls13Trace;
import io.tlsmachine.impl.vectors.TraceScenario;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recomputes the (EC)DHE inputs of the example traces from the private keys they print: each
 * public share, and the shared secret that the key schedule's "handshake" extraction takes as IKM
 * (RFC 8446 §7.4), with both the JDK and the Bouncy Castle providers.
 */
class Tls13TraceKeyExchangeTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    static Stream<Arguments> tracesAndProviders() {
        return Stream.of(Tls13Trace.values()).flatMap(trace -> Stream.of(
                Arguments.of(trace, CryptoProviders.jdk()), Arguments.of(trace, CryptoProviders.bouncyCastle())));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("tracesAndProviders")
    void publicKeysFollowFromTracePrivateKeys(Tls13Trace trace, CryptoProvider provider) {
        List<TraceStep> keyPairs = keyPairs(trace.scenario());
        assertThat(keyPairs).hasSizeGreaterThanOrEqualTo(2);
        for (TraceStep keyPair : keyPairs) {
            KeyExchange exchange = provider.keyExchangeFromPrivate(group(keyPair), keyPair.value("private key"));
            assertThat(HEX.formatHex(exchange.publicShare())).as(keyPair.toString())
                    .isEqualTo(HEX.formatHex(keyPair.value("public key")));
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("tracesAndProviders")
    void bothSidesAgreeOnTheSharedSecretTheHandshakeSecretExtracts(Tls13Trace trace, CryptoProvider provider) {
        TraceScenario scenario = trace.scenario();
        TraceStep server = lastKeyPair(scenario, TraceSide.SERVER);
        TraceStep client = lastKeyPair(scenario, TraceSide.CLIENT);
        String expected = HEX.formatHex(scenario.step(TraceSide.SERVER, "extract secret \"handshake\"").value("IKM"));

        KeyExchange clientExchange = provider.keyExchangeFromPrivate(group(client), client.value("private key"));
        KeyExchange serverExchange = provider.keyExchangeFromPrivate(group(server), server.value("private key"));
        assertThat(HEX.formatHex(clientExchange.agree(server.value("public key")).bytes())).isEqualTo(expected);
        assertThat(HEX.formatHex(serverExchange.agree(client.value("public key")).bytes())).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Tls13Trace.class, names = "HELLO_RETRY_REQUEST")
    void helloRetryRequestTraceMovesTheClientFromX25519ToP256(Tls13Trace trace) {
        List<TraceStep> clientKeyPairs = keyPairs(trace.scenario()).stream()
                .filter(s -> s.side() == TraceSide.CLIENT).toList();
        assertThat(clientKeyPairs).extracting(Tls13TraceKeyExchangeTest::group)
                .containsExactly(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1);
    }

    private static List<TraceStep> keyPairs(TraceScenario scenario) {
        return scenario.steps().stream().filter(s -> s.action().startsWith("create an ephemeral")).toList();
    }

    private static TraceStep lastKeyPair(TraceScenario scenario, TraceSide side) {
        List<TraceStep> pairs = keyPairs(scenario).stream().filter(s -> s.side() == side).toList();
        return pairs.get(pairs.size() - 1);
    }

    private static KeyExchangeGroup group(TraceStep keyPair) {
        return switch (keyPair.action()) {
            case "create an ephemeral x25519 key pair" -> KeyExchangeGroup.X25519;
            case "create an ephemeral P-256 key pair" -> KeyExchangeGroup.SECP256R1;
            default -> throw new IllegalArgumentException("unknown key pair step " + keyPair);
        };
    }
}
