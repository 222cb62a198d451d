package io.tlsmachine.impl.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern LABEL = Pattern.compile("(private key|public key|IKM) \\((\\d+) octets\\):(.*)");
    private static final Pattern HEX_ONLY = Pattern.compile("\\s*([0-9a-f]{2}\\s*)+");

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
        List<String> lines = draft();
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
                        value(lines, client, "private key"), value(lines, client, "public key"),
                        value(lines, server, "private key"), value(lines, server, "public key"),
                        value(lines, ikm, "IKM")));
            }
        }
        return traces;
    }

    /** Reads the first value labelled {@code label} after line {@code from}, across page breaks. */
    private static byte[] value(List<String> lines, int from, String label) {
        for (int i = from; i < lines.size(); i++) {
            Matcher matcher = LABEL.matcher(lines.get(i).trim());
            if (matcher.matches() && matcher.group(1).equals(label)) {
                int length = Integer.parseInt(matcher.group(2));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                appendHex(out, matcher.group(3));
                for (int j = i + 1; out.size() < length; j++) {
                    if (HEX_ONLY.matcher(lines.get(j)).matches()) {
                        appendHex(out, lines.get(j));
                    }
                }
                assertThat(out.size()).as("%s at line %d", label, i + 1).isEqualTo(length);
                return out.toByteArray();
            }
        }
        throw new AssertionError(label + " not found after line " + (from + 1));
    }

    private static void appendHex(ByteArrayOutputStream out, String text) {
        for (String token : text.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                out.write(Integer.parseInt(token, 16));
            }
        }
    }

    private static String section(List<String> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (lines.get(i).matches("\\d+\\.  .*")) {
                return "§" + lines.get(i).trim();
            }
        }
        return "?";
    }

    private static List<String> draft() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/rfc/tls13-vectors-draft-latest.txt");
            if (Files.exists(candidate)) {
                try {
                    return Files.readAllLines(candidate, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("shared/rfc/tls13-vectors-draft-latest.txt not found above the working directory");
    }
}
