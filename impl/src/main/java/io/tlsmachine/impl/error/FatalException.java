package io.tlsmachine.impl.error;

import io.tlsmachine.TlsException;
import io.tlsmachine.Reason;

/** A fatal protocol, crypto or certificate failure; see {@link TlsException#fatal}. */
public final class FatalException extends TlsException {
    private static final long serialVersionUID = 1L;

    public FatalException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
