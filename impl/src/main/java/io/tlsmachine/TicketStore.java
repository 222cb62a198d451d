package io.tlsmachine;

import io.tlsmachine.impl.session.TicketCache;

/**
 * Keeps the newest TLS 1.3 ticket (or TLS 1.2 session) per server name, so that a client's next connection can resume
 * (RFC 8446 §2.2). Thread-safe; share one store between the connections of a client. A ticket is taken out when
 * offered: RFC 8446 Appendix C.4 asks clients not to reuse a ticket. The tickets themselves (and their PSKs) stay
 * inside the engine.
 */
public final class TicketStore {

    private final TicketCache tickets = new TicketCache();

    /**
     * Tells whether a ticket for {@code serverName} is stored.
     * @param serverName the server to resume with
     * @return true when a ticket for it is stored
     */
    public boolean has(String serverName) {
        return tickets.has(serverName);
    }

    /** The tickets, for the engine (the configuration hands them over, {@code TlsConfig.internals()}). */
    TicketCache tickets() {
        return tickets;
    }
}
