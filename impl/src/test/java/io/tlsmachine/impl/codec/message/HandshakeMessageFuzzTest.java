package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.fuzz.FuzzOracle;
import io.tlsmachine.impl.fuzz.FuzzTarget;
import io.tlsmachine.impl.fuzz.SeedFiles;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for every handshake message codec of both versions: the first byte picks what the decoder knows
 * (version, TLS 1.2 key exchange, hash length, sender), the rest is one whole message with its 4-byte header, so the
 * message type byte the fuzzer writes picks the codec (ClientHello, ServerHello, HelloRetryRequest,
 * EncryptedExtensions, Certificate, CertificateRequest, CertificateVerify, Finished, NewSessionTicket, KeyUpdate,
 * EndOfEarlyData, message_hash, and TLS 1.2's ServerKeyExchange, ServerHelloDone, ClientKeyExchange, HelloRequest).
 *
 * <p>Oracle: decoding gives a message or a {@link TlsException} with an alert to send, nothing else; what decodes
 * re-encodes to exactly the input (every message codec keeps the wire form: transcripts hash the bytes received);
 * and one decode allocates at most 1 MiB plus a small multiple of the input, never what a length field claims.
 */
class HandshakeMessageFuzzTest {

    /** Every context the engine decodes with: before negotiation, TLS 1.3 with both hash lengths, TLS 1.2 per key exchange. */
    static final List<DecodeContext> CONTEXTS = List.of(
            DecodeContext.beforeNegotiation(Role.CLIENT),
            DecodeContext.beforeNegotiation(Role.SERVER),
            DecodeContext.tls13(Role.SERVER, 32),
            DecodeContext.tls13(Role.CLIENT, 32),
            DecodeContext.tls13(Role.SERVER, 48),
            DecodeContext.tls12(Role.SERVER, KeyExchangeKind.ECDHE),
            DecodeContext.tls12(Role.SERVER, KeyExchangeKind.DHE),
            DecodeContext.tls12(Role.SERVER, KeyExchangeKind.RSA),
            DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.ECDHE),
            DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.DHE),
            DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.RSA));

    @FuzzTarget
    void decodesExactlyOrFailsWithAnAlert(byte[] input) {
        if (input.length == 0) {
            return;
        }
        DecodeContext context = CONTEXTS.get((input[0] & 0xFF) % CONTEXTS.size());
        byte[] message = Arrays.copyOfRange(input, 1, input.length);
        HandshakeMessage decoded;
        try {
            decoded = FuzzOracle.withinAllocation("decoding " + message.length + " bytes", (1 << 20) + 32L * message.length,
                    () -> HandshakeCodec.decode(message, context));
        } catch (TlsException rejected) {
            FuzzOracle.assertTurnsIntoAnAlert(rejected);
            return;
        }
        assertThat(HandshakeCodec.encode(decoded)).as("%s in %s re-encodes to the bytes received", decoded, context)
                .isEqualTo(message);
    }

    /** Seeds: three generated messages of every kind, each behind the index of the context that decodes it. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (MessageGenerator.Kind kind : MessageGenerator.KINDS) {
            for (long seed = 0; seed < 3; seed++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(CONTEXTS.indexOf(kind.context()));
                out.writeBytes(HandshakeCodec.encode(kind.generator().apply(new RandomValues(seed))));
                seeds.put(kind.name().replaceAll("[^A-Za-z0-9.-]+", "_") + "-" + seed, out.toByteArray());
            }
        }
        return seeds;
    }

    @Test
    void committedSeedsCoverEveryMessageKind() {
        assertThat(MessageGenerator.KINDS).allSatisfy(kind -> assertThat(CONTEXTS).contains(kind.context()));
        SeedFiles.writeIfAsked(HandshakeMessageFuzzTest.class, "decodesExactlyOrFailsWithAnAlert", seeds());
        assertThat(SeedFiles.committed(HandshakeMessageFuzzTest.class, "decodesExactlyOrFailsWithAnAlert"))
                .as("a committed seed per message kind (regenerate: -Dtlsm.fuzz.writeSeeds=true)")
                .containsAll(seeds().keySet());
    }
}
