package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ephemeral key exchanges of every trace in "Example Handshake Traces for TLS 1.3"
 * (tls13-vectors-draft-latest.txt, §3-§7; x25519 and, after the HelloRetryRequest, P-256): both
 * sides rebuilt from their private keys publish the trace's shares and agree on the IKM of
 * the trace's "handshake" extraction, for every provider. Values are parsed from the draft.
 */
class Tls13TraceKeyExchangeTest {
    record Trace(String section, KeyExchangeGroup group, byte[] clientPrivate, byte[] clientPublic,
            byte[] serverPrivate, byte[] serverPublic, byte[] sharedSecret) {
        @Override
        public String toString() {
            return section + " " + group;
        }
    }

    static Stream<Arguments> providersAndTraces() {
        List<Trace> traces = traces();
        assertThat(traces).hasSize(5);
        return Providers.all().flatMap(provider -> traces.stream().map(trace -> Arguments.of(provider, trace)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndTraces")
    void reproducesTheSharesAndTheSharedSecretOfTheTrace(CryptoProvider provider, Trace trace) {
        KeyExchange client = provider.keyExchangeFromPrivate(trace.group(), trace.clientPrivate());
        KeyExchange server = provider.keyExchangeFromPrivate(trace.group(), trace.serverPrivate());

        assertThat(client.publicShare()).isEqualTo(trace.clientPublic());
        assertThat(server.publicShare()).isEqualTo(trace.serverPublic());
        assertThat(client.agree(trace.serverPublic()).bytes()).isEqualTo(trace.sharedSecret());
        assertThat(server.agree(trace.clientPublic()).bytes()).isEqualTo(trace.sharedSecret());
    }

    /** One trace per section with a key exchange: the last client key pair before the server's. */
    static List<Trace> traces() {
        List<String> lines = TraceDraft.lines();
        List<Trace> traces = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("{server}  create an ephemeral")) {
                int server = i;
                int client = server;
                while (!lines.get(client).contains("{client}  create an ephemeral")) {
                    client--;
                }
                int ikm = server;
                while (!lines.get(ikm).contains("{server}  extract secret \"handshake\"")) {
                    ikm++;
                }
                KeyExchangeGroup group = lines.get(server).contains("P-256") ? KeyExchangeGroup.SECP256R1
                        : KeyExchangeGroup.X25519;
                traces.add(new Trace(section(lines, server), group,
                        TraceDraft.octets(lines, client, "private key"),
                        TraceDraft.octets(lines, client, "public key"),
                        TraceDraft.octets(lines, server, "private key"),
                        TraceDraft.octets(lines, server, "public key"),
                        TraceDraft.octets(lines, ikm, "IKM")));
            }
        }
        return traces;
    }

    private static String section(List<String> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (lines.get(i).matches("\\d+\\.  .*")) {
                return "§" + lines.get(i).trim();
            }
        }
        return "?";
    }
}
