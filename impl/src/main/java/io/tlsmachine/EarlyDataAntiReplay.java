package io.tlsmachine;

import io.tlsmachine.impl.codec.Opaque;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets each of a server's tickets carry 0-RTT data at most once (RFC 8446 §8.1, single-use tickets), although our
 * tickets are self-contained: it remembers the identifier of every ticket whose early data was accepted until that
 * ticket expires, and refuses a second use. A replayed ClientHello (§8.2) carries the same ticket, so it is refused
 * too. Thread-safe; share one instance between the connections of a server (the configuration does).
 *
 * <p>Bounded: at most {@link #capacity()} identifiers (12 bytes each, about 100 bytes with the map entry). When it
 * is full, expired entries are dropped; if it is still full the early data is refused (the handshake falls back
 * to 1-RTT), never accepted unrecorded. A peer can make us hold one entry per ticket we issued it, for the
 * ticket's lifetime; it cannot forge identifiers, since tickets are authenticated.
 */
public final class EarlyDataAntiReplay {

    /** The default bound: 16,384 entries, about 1.6 MB at most. */
    public static final int DEFAULT_CAPACITY = 1 << 14;

    private final Map<Opaque, Long> usedUntil = new HashMap<>();
    private final int capacity;

    /**
     * A record holding at most {@code capacity} ticket identifiers.
     * @param capacity the largest number of ticket identifiers held at once
     */
    public EarlyDataAntiReplay(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records the first 0-RTT use of the ticket {@code ticketId}, valid until {@code expiresAtMillis}, and tells
     * whether it was the first; false for a second use, or when the record is full of unexpired tickets.
     * @param ticketId the identity of the ticket the early data came with
     * @param expiresAtMillis when the ticket expires, in epoch milliseconds
     * @param nowMillis the current time, in epoch milliseconds
     * @return true for the first use of an unexpired ticket
     */
    public synchronized boolean firstUse(byte[] ticketId, long expiresAtMillis, long nowMillis) {
        return firstUse(Opaque.of(ticketId), expiresAtMillis, nowMillis);
    }

    private boolean firstUse(Opaque ticketId, long expiresAtMillis, long nowMillis) {
        Long until = usedUntil.get(ticketId);
        if (until != null && until > nowMillis) {
            return false;
        }
        if (until == null && usedUntil.size() >= capacity) {
            usedUntil.values().removeIf(expiry -> expiry <= nowMillis);
            if (usedUntil.size() >= capacity) {
                return false;
            }
        }
        usedUntil.put(ticketId, expiresAtMillis);
        return true;
    }

    /** {@return the largest number of ticket identifiers held at once} */
    public int capacity() {
        return capacity;
    }

    /**
     * How many ticket identifiers are held now.
     * @return the number of ticket identifiers held
     */
    public synchronized int size() {
        return usedUntil.size();
    }
}
