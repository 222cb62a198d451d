package io.tlsmachine.jsse;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The sessions of one role of an SSLContext (RFC 8446 §2.2, RFC 5246 §7.3, RFC 5077): the established sessions by
 * id, bounded by the cache size and the timeout. A client context keeps, per peer host and port, the ticket store
 * the engine resumes from (TLS 1.3 tickets, TLS 1.2 session IDs and tickets) and the session a resumption continues;
 * a server context keeps the ticket key shared by all its engines and the TLS 1.2 session-ID cache.
 */
final class TlsMachineSessionContext implements SSLSessionContext {
    /** SunJSSE's defaults: 24 hours, 20480 sessions. */
    static final int DEFAULT_TIMEOUT_SECONDS = 86_400;
    static final int DEFAULT_CACHE_SIZE = 20_480;

    private final boolean client;
    private final Map<ByteBuffer, TlsMachineSession> byId = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Peer> byPeer = new LinkedHashMap<>(16, 0.75f, true);
    private final byte[] ticketKey = new byte[32];
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private ServerSessionCache tls12Sessions = new ServerSessionCache(DEFAULT_CACHE_SIZE);

    /** What a client keeps for one peer: where its engines find a ticket, and the session that ticket continues. */
    private static final class Peer {
        TicketStore tickets = new TicketStore();
        TlsMachineSession session;
    }

    TlsMachineSessionContext(boolean client, SecureRandom random) {
        this.client = client;
        random.nextBytes(ticketKey);
    }

    /**
     * The ticket store a client engine for {@code host}:{@code port} resumes from; emptied first when the session it
     * would continue was invalidated or timed out.
     */
    synchronized TicketStore ticketStore(String host, int port) {
        Peer peer = byPeer.computeIfAbsent(peerKey(host, port), key -> new Peer());
        if (peer.session != null && !usable(peer.session)) {
            peer.tickets = new TicketStore();
            peer.session = null;
        }
        evictPeers();
        return peer.tickets;
    }

    /** The key a server's engines seal their tickets with (one per context, so each accepts the others'). */
    byte[] ticketKey() {
        return ticketKey.clone();
    }

    /** The TLS 1.2 sessions a server's engines resume by session ID. */
    synchronized ServerSessionCache tls12Sessions() {
        return tls12Sessions;
    }

    /**
     * Keeps {@code session}, just established; a resumed session continues (id, creation time, peer certificates)
     * the one it resumes: a client's, the session last established with the same peer; a server's, the session of
     * the same id (the engine's identity of the session, which a resumption keeps), while this context keeps it.
     */
    synchronized void established(TlsMachineSession session, boolean resumed) {
        if (client) {
            Peer peer = byPeer.computeIfAbsent(peerKey(session.getPeerHost(), session.getPeerPort()), key -> new Peer());
            if (resumed && peer.session != null) {
                session.continues(peer.session);
            }
            peer.session = session;
            evictPeers();
        } else if (resumed) {
            TlsMachineSession original = byId.get(ByteBuffer.wrap(session.getId()));
            if (original != null && usable(original)) {
                session.continues(original);
            }
        }
        session.context(this);
        byId.put(ByteBuffer.wrap(session.getId()), session);
        evictEldestSessions();
    }

    /** Forgets {@code session} (invalidated); a client no longer resumes it. */
    synchronized void remove(TlsMachineSession session) {
        byId.remove(ByteBuffer.wrap(session.getId()));
        byPeer.values().stream().filter(peer -> peer.session == session).forEach(peer -> {
            peer.session = null;
            peer.tickets = new TicketStore();
        });
    }

    private boolean usable(TlsMachineSession session) {
        return session.isValid()
                && (timeoutSeconds == 0 || System.currentTimeMillis() - session.getCreationTime() < timeoutSeconds * 1000L);
    }

    private static String peerKey(String host, int port) {
        return host + ":" + port;
    }

    private void evictSessions() {
        byId.values().removeIf(session -> !usable(session));
        evictEldestSessions();
    }

    /** Drops the least recently used sessions beyond the cache size (timed-out ones go when next looked at). */
    private void evictEldestSessions() {
        for (Iterator<ByteBuffer> eldest = byId.keySet().iterator(); cacheSize > 0 && byId.size() > cacheSize; ) {
            eldest.next();
            eldest.remove();
        }
    }

    private void evictPeers() {
        for (Iterator<String> eldest = byPeer.keySet().iterator(); cacheSize > 0 && byPeer.size() > cacheSize; ) {
            eldest.next();
            eldest.remove();
        }
    }

    @Override
    public synchronized SSLSession getSession(byte[] sessionId) {
        TlsMachineSession session = byId.get(ByteBuffer.wrap(sessionId));
        if (session != null && !usable(session)) {
            byId.remove(ByteBuffer.wrap(sessionId));
            return null;
        }
        return session;
    }

    @Override
    public synchronized Enumeration<byte[]> getIds() {
        evictSessions();
        List<byte[]> ids = byId.keySet().stream().map(id -> {
            byte[] copy = new byte[id.remaining()];
            id.duplicate().get(copy);
            return copy;
        }).toList();
        return Collections.enumeration(ids);
    }

    /** Sets how long a session may be resumed, in seconds from its creation; 0: no limit. */
    @Override
    public synchronized void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("the session timeout must not be negative: " + seconds);
        }
        timeoutSeconds = seconds;
        evictSessions();
    }

    @Override
    public synchronized int getSessionTimeout() {
        return timeoutSeconds;
    }

    /** Sets how many sessions (and, on a client, peers) are kept; 0: no limit. A server's TLS 1.2 cache starts anew. */
    @Override
    public synchronized void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("the session cache size must not be negative: " + size);
        }
        cacheSize = size;
        tls12Sessions = new ServerSessionCache(size == 0 ? DEFAULT_CACHE_SIZE : size);
        evictSessions();
        evictPeers();
    }

    @Override
    public synchronized int getSessionCacheSize() {
        return cacheSize;
    }
}
