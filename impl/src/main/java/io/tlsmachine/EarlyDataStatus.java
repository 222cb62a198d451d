package io.tlsmachine;

/** What became of the client's 0-RTT data (RFC 8446 §4.2.10), as the application sees it. */
public enum EarlyDataStatus {
    /** No early data was sent: none queued, or no stored ticket allowing it. */
    NOT_OFFERED,
    /** Early data was sent with the first ClientHello; the server has not answered yet. */
    PENDING,
    /** The server's EncryptedExtensions carried early_data: it received the early data. */
    ACCEPTED,
    /**
     * The server did not accept the early data (HelloRetryRequest, TLS 1.2, or EncryptedExtensions without
     * early_data): it was discarded, and the application may send it again once the handshake is complete.
     */
    REJECTED
}
