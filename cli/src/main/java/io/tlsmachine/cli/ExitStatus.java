package io.tlsmachine.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The exit statuses of {@code tlsmachine}, one per kind of failure (the table in {@code --help} and the README). */
enum ExitStatus {
    OK(0, "success"),
    FAILED(1, "a check or demo scenario failed, or an unexpected error"),
    USAGE(2, "usage: an unknown option, a bad value, a missing argument"),
    NETWORK(3, "network: connection refused, unknown host, port in use, timeout, peer closed"),
    PEER_ALERT(4, "TLS: the peer sent a fatal alert"),
    OUR_ALERT(5, "TLS: we sent a fatal alert (the peer broke the protocol or spoke no TLS)"),
    CERTIFICATE(6, "certificate: the peer's certificate is bad, expired or from an unknown CA"),
    FILE(7, "file: missing, unreadable or not PEM");

    /** The table in {@code --help} (an annotation needs a constant; a test holds it equal to {@link #table()}). */
    static final String TABLE = "  0  success%n"
            + "  1  a check or demo scenario failed, or an unexpected error%n"
            + "  2  usage: an unknown option, a bad value, a missing argument%n"
            + "  3  network: connection refused, unknown host, port in use, timeout, peer closed%n"
            + "  4  TLS: the peer sent a fatal alert%n"
            + "  5  TLS: we sent a fatal alert (the peer broke the protocol or spoke no TLS)%n"
            + "  6  certificate: the peer's certificate is bad, expired or from an unknown CA%n"
            + "  7  file: missing, unreadable or not PEM";

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** Returns the process exit code. */
    int code() {
        return code;
    }

    /** Returns what this status means, as the table says. */
    String meaning() {
        return meaning;
    }

    /** Returns the table of exit codes as picocli text lines ({@code %n} between), e.g. {@code "  3  network: ..."}. */
    static String table() {
        return Stream.of(values()).map(s -> String.format("  %d  %s", s.code, s.meaning))
                .collect(Collectors.joining("%n"));
    }
}
