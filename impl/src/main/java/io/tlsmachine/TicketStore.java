package io.tlsmachine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the newest TLS 1.3 ticket per server name, so that a client's next connection can resume (RFC 8446 §2.2).
 * Thread-safe; share one store between the connections of a client. A ticket is taken out when offered: RFC 8446
 * Appendix C.4 asks clients not to reuse a ticket.
 */
public final class TicketStore {

    private final Map<String, StoredTicket> tickets = new ConcurrentHashMap<>();

    /**
     * Keeps {@code ticket}, replacing an older one for the same server name.
     * @param ticket the ticket to keep
     */
    public void put(StoredTicket ticket) {
        tickets.put(ticket.serverName(), ticket);
    }

    /**
     * Removes and returns the ticket for {@code serverName}, if one is stored.
     * @param serverName the server to resume with
     * @return the stored ticket, now removed, or empty
     */
    public Optional<StoredTicket> take(String serverName) {
        return Optional.ofNullable(tickets.remove(serverName));
    }

    /**
     * Tells whether a ticket for {@code serverName} is stored.
     * @param serverName the server to resume with
     * @return true when a ticket for it is stored
     */
    public boolean has(String serverName) {
        return tickets.containsKey(serverName);
    }
}
