package io.tlsmachine.impl.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the newest ticket per server name for a client's next connection (RFC 8446 §2.2): what a public
 * {@link io.tlsmachine.TicketStore} holds. Thread-safe. A ticket is taken out when offered: RFC 8446 Appendix C.4 asks
 * clients not to reuse a ticket.
 */
public final class TicketCache {

    private final Map<String, StoredTicket> tickets = new ConcurrentHashMap<>();

    /** Keeps {@code ticket}, replacing an older one for the same server name. */
    public void put(StoredTicket ticket) {
        tickets.put(ticket.serverName(), ticket);
    }

    /** Removes and returns the ticket for {@code serverName}, if one is stored. */
    public Optional<StoredTicket> take(String serverName) {
        return Optional.ofNullable(tickets.remove(serverName));
    }

    /** Tells whether a ticket for {@code serverName} is stored. */
    public boolean has(String serverName) {
        return tickets.containsKey(serverName);
    }
}
