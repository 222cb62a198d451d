package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.session.SessionIdCache;
import io.tlsmachine.impl.session.TicketCache;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds what the engine reads of a configuration that no public signature names: the crypto provider, the ticket
 * key, the client's tickets and the TLS 1.2 server's sessions. The API package builds it ({@code TlsConfig}) and hands
 * it to the engine, so these stay out of the public API. {@link #toString()} hides the ticket key.
 */
public record ConfigInternals(CryptoProvider crypto, Secret ticketKey, Optional<TicketCache> tickets,
        Optional<SessionIdCache> sessions) {

    public ConfigInternals {
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(ticketKey, "ticketKey");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public String toString() {
        return "ConfigInternals[crypto=" + crypto.name() + ", tickets=" + tickets.isPresent() + ", sessions="
                + sessions.isPresent() + "]";
    }
}
