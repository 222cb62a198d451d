package io.tlsmachine.model;

/**
 * Names everything a machine reacts to: a received message kind, or a local command or decision.
 *
 * <p>Received inputs always come with the {@link Epoch} they arrived under; local ones with {@link Epoch#LOCAL}.
 */
public enum Input {
    CLIENT_HELLO,
    SERVER_HELLO,
    HELLO_RETRY_REQUEST,
    ENCRYPTED_EXTENSIONS,
    /** A Certificate message with a non-empty certificate_list. */
    CERTIFICATE,
    /** A Certificate message with an empty certificate_list (RFC 8446 §4.4.2, RFC 5246 §7.4.6). */
    CERTIFICATE_EMPTY,
    CERTIFICATE_REQUEST,
    CERTIFICATE_VERIFY,
    SERVER_KEY_EXCHANGE,
    SERVER_HELLO_DONE,
    CLIENT_KEY_EXCHANGE,
    NEW_SESSION_TICKET,
    END_OF_EARLY_DATA,
    /** KeyUpdate with request_update = update_not_requested (RFC 8446 §4.6.3). */
    KEY_UPDATE_NOT_REQUESTED,
    /** KeyUpdate with request_update = update_requested (RFC 8446 §4.6.3). */
    KEY_UPDATE_REQUESTED,
    FINISHED,
    CHANGE_CIPHER_SPEC,
    ALERT_CLOSE_NOTIFY,
    /** A TLS 1.2 warning-level alert other than close_notify, or TLS 1.3 user_canceled. */
    ALERT_WARNING,
    /** Any alert that ends the connection with an error. */
    ALERT_FATAL,
    APPLICATION_DATA,
    HELLO_REQUEST,
    /** Client: start the handshake (send ClientHello). */
    CONNECT(true),
    /** Server: parameters selected for this ClientHello (version, suite, key exchange, resumption). */
    SELECT_PARAMETERS(true),
    /** Server: the ClientHello lacks an acceptable key share; answer with HelloRetryRequest. */
    SELECT_HELLO_RETRY(true),
    /** TLS 1.3 server in NEGOTIATED: send ServerHello through Finished. */
    SEND_SERVER_FLIGHT(true),
    /** The application writes data. */
    APPLICATION_WRITE(true),
    /** TLS 1.3: the application asks to update the traffic keys and have the peer update too. */
    REQUEST_KEY_UPDATE(true),
    /** TLS 1.3 server: issue a NewSessionTicket. */
    SEND_NEW_SESSION_TICKET(true),
    /** TLS 1.3 server: ask for post-handshake client authentication. */
    REQUEST_CLIENT_AUTH(true),
    /** The application closes the connection. */
    CLOSE(true);

    private final boolean local;

    Input() {
        this(false);
    }

    Input(boolean local) {
        this.local = local;
    }

    /** Tells whether this is a local command or decision (epoch {@link Epoch#LOCAL}) rather than a received record. */
    public boolean local() {
        return local;
    }
}
