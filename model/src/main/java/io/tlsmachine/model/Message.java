package io.tlsmachine.model;

/**
 * Names what a transition sends; each kind is received by the peer as one {@link Input}.
 */
public enum Message {
    CLIENT_HELLO("ClientHello", Input.CLIENT_HELLO),
    SERVER_HELLO("ServerHello", Input.SERVER_HELLO),
    HELLO_RETRY_REQUEST("HelloRetryRequest", Input.HELLO_RETRY_REQUEST),
    ENCRYPTED_EXTENSIONS("EncryptedExtensions", Input.ENCRYPTED_EXTENSIONS),
    CERTIFICATE("Certificate", Input.CERTIFICATE),
    CERTIFICATE_EMPTY("Certificate(empty)", Input.CERTIFICATE_EMPTY),
    CERTIFICATE_REQUEST("CertificateRequest", Input.CERTIFICATE_REQUEST),
    CERTIFICATE_VERIFY("CertificateVerify", Input.CERTIFICATE_VERIFY),
    SERVER_KEY_EXCHANGE("ServerKeyExchange", Input.SERVER_KEY_EXCHANGE),
    SERVER_HELLO_DONE("ServerHelloDone", Input.SERVER_HELLO_DONE),
    CLIENT_KEY_EXCHANGE("ClientKeyExchange", Input.CLIENT_KEY_EXCHANGE),
    NEW_SESSION_TICKET("NewSessionTicket", Input.NEW_SESSION_TICKET),
    END_OF_EARLY_DATA("EndOfEarlyData", Input.END_OF_EARLY_DATA),
    KEY_UPDATE_NOT_REQUESTED("KeyUpdate(update_not_requested)", Input.KEY_UPDATE_NOT_REQUESTED),
    KEY_UPDATE_REQUESTED("KeyUpdate(update_requested)", Input.KEY_UPDATE_REQUESTED),
    FINISHED("Finished", Input.FINISHED),
    CHANGE_CIPHER_SPEC("ChangeCipherSpec", Input.CHANGE_CIPHER_SPEC),
    APPLICATION_DATA("ApplicationData", Input.APPLICATION_DATA),
    ALERT_CLOSE_NOTIFY("Alert(close_notify)", Input.ALERT_CLOSE_NOTIFY),
    /** Warning-level no_renegotiation (RFC 5246 §7.2.2): renegotiation refused. */
    ALERT_NO_RENEGOTIATION("Alert(no_renegotiation)", Input.ALERT_WARNING),
    ALERT_ILLEGAL_PARAMETER("Alert(illegal_parameter)", Input.ALERT_FATAL),
    ALERT_DECODE_ERROR("Alert(decode_error)", Input.ALERT_FATAL),
    ALERT_UNEXPECTED_MESSAGE("Alert(unexpected_message)", Input.ALERT_FATAL);

    private final String label;
    private final Input receivedAs;

    Message(String label, Input receivedAs) {
        this.label = label;
        this.receivedAs = receivedAs;
    }

    /** Returns the RFC-style name shown in diagrams (e.g. {@code ServerKeyExchange}). */
    public String label() {
        return label;
    }

    /** Returns the input the peer's machine receives for this message. */
    public Input receivedAs() {
        return receivedAs;
    }
}
