package io.tlsmachine.impl.session;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.crypto.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a TLS 1.2 server's sessions by session ID for resumption (RFC 5246 §7.3, §7.4.1.2): what a public
 * {@link io.tlsmachine.ServerSessionCache} holds. Thread-safe, bounded: when full, new sessions are simply not cached.
 * Entries expire after the lifetime.
 */
public final class SessionIdCache {

    /** One cached session: its suite and master secret. {@link #toString()} hides the secret. */
    public record Session(CipherSuite suite, Secret masterSecret, long createdMillis) {
        @Override
        public String toString() {
            return "Session[" + suite + "]";
        }
    }

    private final Map<Opaque, Session> sessions = new ConcurrentHashMap<>();
    private final int capacity;
    private final long lifetimeMillis;

    /** A cache holding at most {@code capacity} sessions for {@code lifetimeMillis} each (checked by the caller). */
    public SessionIdCache(int capacity, long lifetimeMillis) {
        this.capacity = capacity;
        this.lifetimeMillis = lifetimeMillis;
    }

    /** How long a cached session may be resumed, in milliseconds. */
    public long lifetimeMillis() {
        return lifetimeMillis;
    }

    /** Caches a session under {@code sessionId} unless the cache is full. */
    public void put(Opaque sessionId, Session session) {
        if (sessions.size() < capacity) {
            sessions.put(sessionId, session);
        }
    }

    /** Returns the unexpired session cached under {@code sessionId}; an expired one is removed. */
    public Optional<Session> find(Opaque sessionId, long nowMillis) {
        Session session = sessions.get(sessionId);
        if (session != null && nowMillis - session.createdMillis() >= lifetimeMillis) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /** How many sessions are cached now. */
    public int size() {
        return sessions.size();
    }
}
