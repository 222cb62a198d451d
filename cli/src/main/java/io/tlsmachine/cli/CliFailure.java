package io.tlsmachine.cli;

/** A failure told to the user as one line, {@code tlsmachine: <message>}, with its exit status. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    CliFailure(ExitStatus status, String message) {
        this(status, message, null);
    }

    CliFailure(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Returns the exit status of this kind of failure. */
    ExitStatus status() {
        return status;
    }
}
