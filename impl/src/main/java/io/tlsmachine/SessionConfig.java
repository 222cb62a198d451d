package io.tlsmachine;

import io.tlsmachine.impl.crypto.Secret;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds how sessions are resumed: a server's tickets (RFC 8446 §4.6.1, RFC 5077), a
 * client's ticket store, the PSK key exchange modes (RFC 8446 §4.2.9), and a TLS 1.2 server's session cache.
 * The ticket key a server seals its tickets with stays inside the configuration (set with
 * {@link TlsConfigBuilder#ticketKey}).
 *
 * @param ticketsEnabled whether a server issues NewSessionTickets and accepts tickets
 * @param ticketsPerHandshake how many NewSessionTickets a TLS 1.3 server with tickets enabled issues after each
 *     handshake (RFC 8446 §4.6.1 allows several, or none); 0 accepts tickets but issues none
 * @param ticketStore where a client keeps tickets and finds one to resume with; empty: no resumption
 * @param pskModes the PSK key exchange modes a client offers and a server accepts, in preference order
 * @param sessionCache where a TLS 1.2 server keeps sessions for resumption by session ID; empty: none
 * @param maxEarlyDataSize the max_early_data_size a TLS 1.3 server's tickets allow (RFC 8446 §4.6.1); 0: no 0-RTT
 * @param earlyDataAntiReplay the single-use ticket record (RFC 8446 §8.1) a 0-RTT server's connections share;
 *     present exactly when {@code maxEarlyDataSize > 0}
 */
public record SessionConfig(boolean ticketsEnabled, Optional<TicketStore> ticketStore,
        List<PskKeyExchangeMode> pskModes, Optional<ServerSessionCache> sessionCache, long maxEarlyDataSize,
        Optional<EarlyDataAntiReplay> earlyDataAntiReplay, int ticketsPerHandshake) {

    /** The length of a ticket key (AES-256-GCM). */
    public static final int TICKET_KEY_LENGTH = 32;

    /** The most NewSessionTickets one handshake may issue. */
    public static final int MAX_TICKETS_PER_HANDSHAKE = 16;

    /**
     * Copies the PSK modes and checks every value against its range.
     *
     * @param ticketsEnabled whether a server issues NewSessionTickets and accepts tickets
     * @param ticketStore where a client keeps tickets and finds one to resume with; empty: no resumption
     * @param pskModes the PSK key exchange modes a client offers and a server accepts, in preference order
     * @param sessionCache where a TLS 1.2 server keeps sessions for resumption by session ID; empty: none
     * @param maxEarlyDataSize the max_early_data_size a TLS 1.3 server's tickets allow (RFC 8446 §4.6.1); 0: no
     *     0-RTT
     * @param earlyDataAntiReplay the single-use ticket record (RFC 8446 §8.1) a 0-RTT server's connections share;
     *     present exactly when {@code maxEarlyDataSize > 0}
     * @param ticketsPerHandshake how many NewSessionTickets a TLS 1.3 server with tickets enabled issues after each
     *     handshake (RFC 8446 §4.6.1 allows several, or none); 0 accepts tickets but issues none
     */
    public SessionConfig {
        Objects.requireNonNull(ticketStore, "ticketStore");
        pskModes = List.copyOf(pskModes);
        Objects.requireNonNull(sessionCache, "sessionCache");
        if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("max_early_data_size out of range: " + maxEarlyDataSize);
        }
        Objects.requireNonNull(earlyDataAntiReplay, "earlyDataAntiReplay");
        requireTicketCount(ticketsPerHandshake);
    }

    private static void requireTicketCount(int tickets) {
        if (tickets < 0 || tickets > MAX_TICKETS_PER_HANDSHAKE) {
            throw new IllegalArgumentException("tickets per handshake out of range [0, " + MAX_TICKETS_PER_HANDSHAKE
                    + "]: " + tickets);
        }
    }

    /** Returns a builder holding these values and {@code ticketKey}. */
    Builder toBuilder(Secret ticketKey) {
        Builder b = new Builder();
        b.ticketsEnabled = ticketsEnabled;
        b.ticketStore = ticketStore.orElse(null);
        b.ticketKey = ticketKey;
        b.pskModes = pskModes;
        b.sessionCache = sessionCache.orElse(null);
        b.maxEarlyDataSize = maxEarlyDataSize;
        b.earlyDataAntiReplay = earlyDataAntiReplay.orElse(null);
        b.ticketsPerHandshake = ticketsPerHandshake;
        return b;
    }

    @Override
    public String toString() {
        return "SessionConfig[tickets=" + ticketsEnabled + ", ticketsPerHandshake=" + ticketsPerHandshake + ", ticketStore=" + ticketStore.isPresent() + ", pskModes="
                + pskModes + ", sessionCache=" + sessionCache.isPresent() + ", maxEarlyDataSize=" + maxEarlyDataSize + "]";
    }

    /** Collects the values; the defaults are no tickets (one per handshake once enabled), no store, psk_dhe_ke, no session cache. */
    static final class Builder {
        private boolean ticketsEnabled;
        private TicketStore ticketStore;
        private Secret ticketKey;
        private List<PskKeyExchangeMode> pskModes = List.of(PskKeyExchangeMode.PSK_DHE_KE);
        private ServerSessionCache sessionCache;
        private long maxEarlyDataSize;
        private EarlyDataAntiReplay earlyDataAntiReplay;
        private int ticketsPerHandshake = 1;

        void ticketsEnabled(boolean enabled) {
            this.ticketsEnabled = enabled;
        }

        /** @throws IllegalArgumentException unless {@code 0 <= tickets <= MAX_TICKETS_PER_HANDSHAKE} */
        void ticketsPerHandshake(int tickets) {
            requireTicketCount(tickets);
            this.ticketsPerHandshake = tickets;
        }

        void ticketStore(TicketStore store) {
            this.ticketStore = Objects.requireNonNull(store, "store");
        }

        /** @throws IllegalArgumentException unless the key has {@link #TICKET_KEY_LENGTH} bytes */
        void ticketKey(byte[] key) {
            if (key.length != TICKET_KEY_LENGTH) {
                throw new IllegalArgumentException("a ticket key has 32 bytes, not " + key.length);
            }
            this.ticketKey = Secret.copyOf(key);
        }

        void pskKeyExchangeModes(List<PskKeyExchangeMode> modes) {
            this.pskModes = List.copyOf(modes);
        }

        void sessionCache(ServerSessionCache cache) {
            this.sessionCache = Objects.requireNonNull(cache, "cache");
        }

        void maxEarlyDataSize(long bytes) {
            if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("max_early_data_size out of range: " + bytes);
            }
            this.maxEarlyDataSize = bytes;
        }

        void earlyDataAntiReplay(EarlyDataAntiReplay antiReplay) {
            this.earlyDataAntiReplay = Objects.requireNonNull(antiReplay, "antiReplay");
        }

        /**
         * Returns the ticket key set, or without one a key drawn from {@code random}, so every engine built from one
         * configuration accepts the others' tickets.
         */
        Secret ticketKeyOrFresh(SecureRandom random) {
            if (ticketKey != null) {
                return ticketKey;
            }
            byte[] fresh = new byte[TICKET_KEY_LENGTH];
            random.nextBytes(fresh);
            return Secret.adopt(fresh);
        }

        /** Builds the value. */
        SessionConfig build() {
            // Copies made with toBuilder() share the anti-replay record, so one ticket's early data is accepted once.
            EarlyDataAntiReplay antiReplay = earlyDataAntiReplay != null ? earlyDataAntiReplay
                    : maxEarlyDataSize > 0 ? new EarlyDataAntiReplay(EarlyDataAntiReplay.DEFAULT_CAPACITY) : null;
            return new SessionConfig(ticketsEnabled, Optional.ofNullable(ticketStore), pskModes,
                    Optional.ofNullable(sessionCache), maxEarlyDataSize,
                    Optional.ofNullable(maxEarlyDataSize > 0 ? antiReplay : null), ticketsPerHandshake);
        }
    }
}
