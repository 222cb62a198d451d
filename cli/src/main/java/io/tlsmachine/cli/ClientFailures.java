package io.tlsmachine.cli;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConnectionException;
import io.tlsmachine.Alert;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Explains a failed client connection in the user's terms: which alert, after what, what we offered, what to try. */
final class ClientFailures {
    /** RFC 8446 §5.1: the record content types a TLS peer sends (change_cipher_spec to heartbeat). */
    private static final int FIRST_CONTENT_TYPE = 20;
    private static final int LAST_CONTENT_TYPE = 24;

    /** The reasons after which trusting the server's certificate differently may help. */
    private static final Set<Reason> TRUST_HELPS = EnumSet.of(Reason.UNKNOWN_CA, Reason.CERTIFICATE_UNKNOWN);

    private ClientFailures() {
    }

    /**
     * Returns the one-line failure for {@code failure}, read from the engine's public state: the alert received, the
     * last transition taken before the end, and the first bytes the server sent.
     */
    static CliFailure explain(TlsConnectionException failure, TlsEngine engine, List<TakenTransition> taken,
            byte[] firstBytes, TlsConfig config) {
        Optional<TlsException> tls = failure.failure();
        if (tls.isPresent() && tls.get().reason() == Reason.PEER_SENT_FATAL_ALERT && engine.receivedAlert().isPresent()) {
            return peerAlert(engine.receivedAlert().get(), stateBefore(taken), config, failure);
        }
        if (tls.isPresent() && !looksLikeTls(firstBytes)) {
            return new CliFailure(ExitStatus.OUR_ALERT, "the server answered with non-TLS data " + guess(firstBytes),
                    failure);
        }
        if (tls.isPresent()) {
            CliFailure told = FailureReport.describeTls(tls.get(), "the server");
            if (TRUST_HELPS.contains(tls.get().reason())) {
                return new CliFailure(told.status(), told.getMessage()
                        + "; use --trust FILE, or --insecure to skip verification", failure);
            }
            return told;
        }
        return FailureReport.describe(failure);
    }

    private static CliFailure peerAlert(Alert alert, String before, TlsConfig config, Throwable failure) {
        AlertDescription description = alert.description();
        if (description.equals(AlertDescription.CERTIFICATE_REQUIRED)) {
            return new CliFailure(ExitStatus.PEER_ALERT, "the server requires a client certificate (--cert/--key)",
                    failure);
        }
        String refused = before.equals("WAIT_SH") || before.startsWith("START") ? "refused the handshake"
                : "ended the connection";
        return new CliFailure(ExitStatus.PEER_ALERT, "the server " + refused + ": fatal alert " + description.name()
                + " (" + description.code() + ") " + after(before) + " (we offered " + offer(config) + ")", failure);
    }

    /** Names the moment from the model state the alert arrived in, in the protocol's words where they are plain. */
    private static String after(String state) {
        return switch (state) {
            case "WAIT_SH", "START" -> "after our ClientHello";
            case "CONNECTED" -> "after the handshake";
            default -> "in state " + state;
        };
    }

    /** Returns what we offered: versions and groups. */
    static String offer(TlsConfig config) {
        String versions = config.versions().stream()
                .map(v -> "TLS " + v.name().substring(3, 4) + "." + v.name().substring(4)).collect(Collectors.joining(", "));
        String groups = config.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return versions + "; groups " + groups;
    }

    /** Returns the state the last transition left from, i.e. where the engine was when it failed. */
    private static String stateBefore(List<TakenTransition> taken) {
        return taken.isEmpty() ? "START" : taken.get(taken.size() - 1).from().name();
    }

    /** A TLS record starts with a content type of 20-24 and a major version of 3. */
    private static boolean looksLikeTls(byte[] first) {
        return first.length < 2 || (first[0] >= FIRST_CONTENT_TYPE && first[0] <= LAST_CONTENT_TYPE && first[1] == 3);
    }

    private static String guess(byte[] first) {
        String text = new String(first, StandardCharsets.ISO_8859_1);
        if (text.startsWith("HTTP/") || text.startsWith("<") || text.regionMatches(true, 0, "<!doctype", 0, 2)) {
            return "(it looks like HTTP)";
        }
        return "(first bytes " + HexFormat.ofDelimiter(" ").formatHex(first, 0, Math.min(first.length, 8)) + ")";
    }
}
