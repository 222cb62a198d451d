package io.tlsmachine.model;

/** Names the TLS 1.2 handshake kind: full, or abbreviated (RFC 5246 §7.3 Figure 2) by session ID or ticket (RFC 5077 §3.1). */
public enum Tls12Handshake {
    FULL,
    RESUMED_BY_SESSION_ID,
    RESUMED_BY_TICKET;

    /** Tells whether this is an abbreviated handshake. */
    public boolean abbreviated() {
        return this != FULL;
    }
}
