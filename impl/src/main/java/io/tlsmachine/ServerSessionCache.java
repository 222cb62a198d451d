package io.tlsmachine;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.crypto.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a TLS 1.2 server's sessions by session ID for resumption (RFC 5246 §7.3, §7.4.1.2). Thread-safe, bounded:
 * when full, new sessions are simply not cached. Entries expire after their lifetime ({@link #LIFETIME_MILLIS} unless
 * given). Only sessions with the extended master secret are put here (RFC 7627 §5.3).
 */
public final class ServerSessionCache {

    /** RFC 5246 Appendix F.1.4 suggests an upper limit of 24 hours; we keep two. */
    public static final long LIFETIME_MILLIS = 2 * 60 * 60 * 1000L;

    /**
     * One cached session: its suite and master secret. {@link #toString()} hides the secret.
     *
     * @param suite the cipher suite of the session
     * @param masterSecret the session's master secret
     * @param createdMillis when the session was made, in epoch milliseconds
     */
    public record Session(CipherSuite suite, Secret masterSecret, long createdMillis) {
        @Override
        public String toString() {
            return "Session[" + suite + "]";
        }
    }

    private final Map<Opaque, Session> sessions = new ConcurrentHashMap<>();
    private final int capacity;
    private final long lifetimeMillis;

    /**
     * A cache holding at most {@code capacity} sessions for {@link #LIFETIME_MILLIS} each.
     * @param capacity the largest number of sessions held
     */
    public ServerSessionCache(int capacity) {
        this(capacity, LIFETIME_MILLIS);
    }

    /**
     * A cache holding at most {@code capacity} sessions for {@code lifetimeMillis} each (at most 24 hours, RFC 5246 Appendix F.1.4).
     * @param capacity the largest number of sessions held
     * @param lifetimeMillis how long a session may be resumed, in milliseconds
     */
    public ServerSessionCache(int capacity, long lifetimeMillis) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (lifetimeMillis < 1 || lifetimeMillis > 24 * 60 * 60 * 1000L) {
            throw new IllegalArgumentException("lifetime must be between 1 ms and 24 hours");
        }
        this.capacity = capacity;
        this.lifetimeMillis = lifetimeMillis;
    }

    /**
     * How long a cached session may be resumed, in milliseconds.
     * @return the session lifetime in milliseconds
     */
    public long lifetimeMillis() {
        return lifetimeMillis;
    }

    /** {@return the most sessions this cache holds} */
    public int capacity() {
        return capacity;
    }

    /**
     * Caches a session under {@code sessionId} unless the cache is full.
     * @param sessionId the session ID sent in the ServerHello
     * @param session the session to resume later
     */
    public void put(Opaque sessionId, Session session) {
        if (sessions.size() < capacity) {
            sessions.put(sessionId, session);
        }
    }

    /**
     * {@return the unexpired session cached under {@code sessionId}; an expired one is removed}
     * @param sessionId the session ID the client offered
     * @param nowMillis the current time, in epoch milliseconds
     */
    public Optional<Session> find(Opaque sessionId, long nowMillis) {
        Session session = sessions.get(sessionId);
        if (session != null && nowMillis - session.createdMillis() >= lifetimeMillis) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /** {@return the number of sessions cached now} */
    public int size() {
        return sessions.size();
    }
}
