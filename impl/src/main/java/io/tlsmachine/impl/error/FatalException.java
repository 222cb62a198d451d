package io.tlsmachine.impl.error;

/** A fatal protocol, crypto or certificate failure; see {@link TlsException#fatal}. */
public final class FatalException extends TlsException {
    private static final long serialVersionUID = 1L;

    FatalException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
