package io.tlsmachine;

import io.tlsmachine.impl.session.SessionIdCache;

/**
 * Keeps a TLS 1.2 server's sessions by session ID for resumption (RFC 5246 §7.3, §7.4.1.2). Thread-safe, bounded:
 * when full, new sessions are simply not cached. Entries expire after their lifetime ({@link #LIFETIME_MILLIS} unless
 * given). Only sessions with the extended master secret are put here (RFC 7627 §5.3). The sessions themselves (and
 * their master secrets) stay inside the engine.
 */
public final class ServerSessionCache {

    /** RFC 5246 Appendix F.1.4 suggests an upper limit of 24 hours; we keep two. */
    public static final long LIFETIME_MILLIS = 2 * 60 * 60 * 1000L;

    private final SessionIdCache sessions;
    private final int capacity;

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
        this.sessions = new SessionIdCache(capacity, lifetimeMillis);
        this.capacity = capacity;
    }

    /**
     * How long a cached session may be resumed, in milliseconds.
     * @return the session lifetime in milliseconds
     */
    public long lifetimeMillis() {
        return sessions.lifetimeMillis();
    }

    /** {@return the most sessions this cache holds} */
    public int capacity() {
        return capacity;
    }

    /** {@return the number of sessions cached now} */
    public int size() {
        return sessions.size();
    }

    /** The sessions, for the engine (the configuration hands them over, {@code TlsConfig.internals()}). */
    SessionIdCache sessions() {
        return sessions;
    }
}
