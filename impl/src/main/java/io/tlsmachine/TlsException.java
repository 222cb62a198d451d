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

    private final Reason reason;

    protected TlsException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Returns why the connection failed. */
    public Reason reason() {
        return reason;
    }

    /** Returns a fatal failure with its reason and a message naming what failed (no secrets). */
    public static TlsException fatal(Reason reason, String message) {
        return new FatalException(reason, message, null);
    }

    /** Returns a fatal failure caused by a lower-level exception (no secrets in either message). */
    public static TlsException fatal(Reason reason, String message, Throwable cause) {
        return new FatalException(reason, message, cause);
    }
}
