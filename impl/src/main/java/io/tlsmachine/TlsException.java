package io.tlsmachine;

import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.impl.error.FatalException;

/**
 * A fatal TLS failure: the one exception type the engine turns into an alert.
 *
 * <p>Messages say what failed and where, never secret values. Create with {@link #fatal} from
 * protocol code, or throw a {@link DecodeException} from codecs.
 */
public abstract class TlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the connection failed (serialised with the exception). */
    private final Reason reason;

    /**
     * Creates a failure with its reason; the message becomes {@code REASON: message}.
     * @param reason why it failed (its alert)
     * @param message what failed, with no secret
     * @param cause the lower-level exception, or null
     */
    protected TlsException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** {@return why the connection failed} */
    public Reason reason() {
        return reason;
    }

    /**
     * {@return a fatal failure with its reason and a message naming what failed (no secrets)}
     * @param reason why it failed (its alert)
     * @param message what failed
     */
    public static TlsException fatal(Reason reason, String message) {
        return new FatalException(reason, message, null);
    }

    /**
     * {@return a fatal failure caused by a lower-level exception (no secrets in either message)}
     * @param reason why it failed (its alert)
     * @param message what failed
     * @param cause the lower-level exception
     */
    public static TlsException fatal(Reason reason, String message, Throwable cause) {
        return new FatalException(reason, message, cause);
    }
}
