package io.tlsmachine.cli;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.SessionConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.TlsDefaults;
import picocli.CommandLine.Option;

/**
 * The server's resumption and size options: the TLS 1.2 session-ID cache (on by default), TLS 1.3 tickets per
 * handshake, and the largest handshake message accepted; {@link #apply} puts them on a configuration.
 */
final class ServerSessionOptions {
    /** OpenSSL's default session cache size (SSL_SESSION_CACHE_MAX_SIZE_DEFAULT). */
    static final int DEFAULT_CACHE_SIZE = 20480;

    @Option(names = "--session-cache", defaultValue = "" + DEFAULT_CACHE_SIZE, description = "TLS 1.2 sessions kept for "
            + "resumption by session ID (RFC 5246 §7.4.1.2); 0: no cache (default: ${DEFAULT-VALUE})")
    int sessionCacheSize;

    @Option(names = "--session-lifetime", defaultValue = "7200", description = "seconds a cached TLS 1.2 session may be "
            + "resumed, at most 86400 (RFC 5246 Appendix F.1.4; default: ${DEFAULT-VALUE})")
    long sessionLifetime;

    @Option(names = "--tickets", defaultValue = "1", description = "TLS 1.3 NewSessionTickets sent after each handshake "
            + "(RFC 8446 §4.6.1), up to " + SessionConfig.MAX_TICKETS_PER_HANDSHAKE + "; any N > 0 also issues TLS 1.2 "
            + "tickets (RFC 5077); 0: no tickets in either version, and no ticket is accepted (default: ${DEFAULT-VALUE})")
    int tickets;

    @Option(names = "--max-handshake-message", defaultValue = "" + TlsDefaults.MAX_HANDSHAKE_MESSAGE_SIZE,
            description = "largest handshake message accepted, in bytes (a Certificate may still be 256 KiB, as in Go); "
            + "larger is refused with illegal_parameter (default: ${DEFAULT-VALUE}, the library's, as Go and rustls)")
    int maxHandshakeMessage;

    /** Applies the options to {@code builder}. */
    TlsConfigBuilder apply(TlsConfigBuilder builder) {
        if (sessionCacheSize < 0) {
            throw new IllegalArgumentException("--session-cache must be 0 or more, not " + sessionCacheSize);
        }
        if (sessionLifetime < 1 || sessionLifetime > 86400) {
            throw new IllegalArgumentException("--session-lifetime must be 1 to 86400 seconds, not " + sessionLifetime);
        }
        if (sessionCacheSize > 0) {
            builder.sessionCache(new ServerSessionCache(sessionCacheSize, sessionLifetime * 1000));
        }
        builder.ticketsEnabled(tickets > 0);
        if (tickets > 0) {
            builder.ticketsPerHandshake(tickets);
        }
        return builder.maxHandshakeMessageSize(maxHandshakeMessage);
    }
}
