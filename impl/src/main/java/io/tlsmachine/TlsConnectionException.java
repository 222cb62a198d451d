package io.tlsmachine;

import java.io.IOException;
import java.util.Optional;

/** A TLS connection over a socket failed: the TLS failure when there is one, or a transport problem. */
public final class TlsConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient TlsException failure;

    /**
     * Creates the failure of a connection.
     * @param message what failed, in words
     * @param failure the engine's failure, or null for a transport problem
     */
    public TlsConnectionException(String message, TlsException failure) {
        super(message, failure);
        this.failure = failure;
    }

    /** {@return the TLS failure (with its reason and alert), if the engine failed} */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }
}
