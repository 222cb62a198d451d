package io.tlsmachine.cli;

import io.tlsmachine.TlsConnectionException;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures reach the user: prints {@code tlsmachine: <what went wrong>} (a stack trace only with
 * {@code --debug}) and returns the {@link ExitStatus} of its kind.
 */
final class FailureReport implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Reasons that say the peer's certificate was not accepted. */
    static final Set<Reason> CERTIFICATE_REASONS = EnumSet.of(Reason.BAD_CERTIFICATE, Reason.UNSUPPORTED_CERTIFICATE,
            Reason.CERTIFICATE_EXPIRED, Reason.CERTIFICATE_REVOKED, Reason.CERTIFICATE_UNKNOWN, Reason.UNKNOWN_CA);

    private final boolean debug;

    FailureReport(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        CliFailure told = describe(failure);
        PrintWriter err = command.getErr();
        err.println("tlsmachine: " + told.getMessage());
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return told.status().code();
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("tlsmachine: " + failure.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Try 'tlsmachine " + subcommandPath(command) + "--help' for more information.");
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitStatus.USAGE.code();
    }

    private static String subcommandPath(CommandLine command) {
        String path = command.getCommandSpec().qualifiedName(" ");
        int space = path.indexOf(' ');
        return space < 0 ? "" : path.substring(space + 1) + " ";
    }

    /** Returns what {@code failure} means to the user, and its kind. */
    static CliFailure describe(Throwable failure) {
        if (failure instanceof CliFailure told) {
            return told;
        }
        if (failure instanceof TlsConnectionException connection) {
            return connection.failure().map(FailureReport::describe)
                    .orElseGet(() -> new CliFailure(ExitStatus.NETWORK, connection.getMessage(), failure));
        }
        if (failure instanceof TlsException tls) {
            return describeTls(tls, "the peer");
        }
        if (failure instanceof UncheckedIOException unchecked && unchecked.getCause() != null
                && (unchecked.getCause() instanceof NoSuchFileException
                        || unchecked.getCause() instanceof AccessDeniedException)) {
            return describe(unchecked.getCause());
        }
        if (failure instanceof NoSuchFileException missing) {
            return new CliFailure(ExitStatus.FILE, "no such file: " + missing.getFile(), failure);
        }
        if (failure instanceof AccessDeniedException denied) {
            return new CliFailure(ExitStatus.FILE, "cannot read " + denied.getFile() + ": permission denied", failure);
        }
        if (failure instanceof UnknownHostException unknown) {
            return new CliFailure(ExitStatus.NETWORK, "unknown host: " + unknown.getMessage(), failure);
        }
        if (failure instanceof ConnectException || failure instanceof BindException
                || failure instanceof SocketTimeoutException) {
            return new CliFailure(ExitStatus.NETWORK, joinedMessages(failure), failure);
        }
        if (failure instanceof IllegalArgumentException) {
            return new CliFailure(ExitStatus.USAGE, joinedMessages(failure), failure);
        }
        return new CliFailure(ExitStatus.FAILED, joinedMessages(failure), failure);
    }

    /** Describes a TLS failure: a certificate we refused, an alert {@code peer} sent, or one we sent. */
    static CliFailure describeTls(TlsException tls, String peer) {
        String message = withoutReason(tls);
        if (CERTIFICATE_REASONS.contains(tls.reason())) {
            return new CliFailure(ExitStatus.CERTIFICATE, peer + "'s certificate is not accepted: " + message, tls);
        }
        if (tls.reason() == Reason.PEER_SENT_FATAL_ALERT) {
            return new CliFailure(ExitStatus.PEER_ALERT, peer + " sent a fatal alert", tls);
        }
        String sent = tls.reason().alertToSend().map(a -> "we sent fatal alert " + a.name() + " (" + a.code() + "): ")
                .orElse("");
        return new CliFailure(ExitStatus.OUR_ALERT, sent + message, tls);
    }

    /** Returns the message of a TLS failure without the leading reason name. */
    static String withoutReason(TlsException tls) {
        String message = tls.getMessage();
        String prefix = tls.reason().name() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Joins the messages of {@code failure} and its causes, skipping repeats (no class names). */
    static String joinedMessages(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t instanceof TlsException tls ? withoutReason(tls) : t.getMessage();
            if (message != null && !message.isBlank() && parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return parts.isEmpty() ? "an unexpected failure (run with --debug for the details)" : String.join(": ", parts);
    }
}
