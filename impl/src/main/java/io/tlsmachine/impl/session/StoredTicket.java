package io.tlsmachine.impl.session;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.crypto.Secret;

/**
 * Holds one TLS 1.3 ticket a client received (RFC 8446 §4.6.1): the opaque ticket, the PSK derived from it, the
 * suite whose hash the PSK belongs to, and what the obfuscated ticket age needs. A TLS 1.2 session resumed by
 * session ID (RFC 5246 §7.4.1.2) has an empty ticket, its master secret as {@code psk}, and its {@code sessionId}.
 * A TLS 1.3 ticket also keeps how much 0-RTT data it allows (RFC 8446 §4.6.1 max_early_data_size, 0: none) and the
 * ALPN protocol of its connection (null: none), which early data must use again (§4.2.10).
 * {@link #toString()} hides the PSK.
 *
 * @param serverName the server the ticket came from
 * @param suite the cipher suite of the session
 * @param ticket the ticket (TLS 1.3 identity), empty for a TLS 1.2 session ID
 * @param psk the resumption secret (TLS 1.3 PSK, or TLS 1.2 master secret)
 * @param ticketAgeAdd the ticket_age_add the server sent
 * @param lifetimeSeconds the ticket_lifetime the server sent
 * @param receivedAtMillis when the ticket arrived, in epoch milliseconds
 * @param sessionId the TLS 1.2 session ID, empty when none
 * @param maxEarlyDataSize the 0-RTT data the ticket allows, in bytes (0: none)
 * @param applicationProtocol the ALPN protocol of the connection, or null
 */
public record StoredTicket(String serverName, CipherSuite suite, Opaque ticket, Secret psk, long ticketAgeAdd,
        long lifetimeSeconds, long receivedAtMillis, Opaque sessionId, long maxEarlyDataSize, String applicationProtocol) {

    /**
     * A ticket or session that allows no early data.
     * @param serverName the server the ticket came from
     * @param suite the cipher suite of the session
     * @param ticket the ticket (TLS 1.3 identity, or TLS 1.2 RFC 5077 ticket)
     * @param psk the resumption secret (TLS 1.3 PSK, or TLS 1.2 master secret)
     * @param ticketAgeAdd the ticket_age_add the server sent
     * @param lifetimeSeconds the ticket_lifetime the server sent
     * @param receivedAtMillis when the ticket arrived, in epoch milliseconds
     * @param sessionId the TLS 1.2 session ID, empty when none
     */
    public StoredTicket(String serverName, CipherSuite suite, Opaque ticket, Secret psk, long ticketAgeAdd,
            long lifetimeSeconds, long receivedAtMillis, Opaque sessionId) {
        this(serverName, suite, ticket, psk, ticketAgeAdd, lifetimeSeconds, receivedAtMillis, sessionId, 0, null);
    }

    /**
     * Tells whether the ticket is still within its lifetime at {@code nowMillis}.
     * @param nowMillis the current time, in epoch milliseconds
     * @return true while the ticket may still be offered
     */
    public boolean validAt(long nowMillis) {
        return nowMillis >= receivedAtMillis && nowMillis - receivedAtMillis < lifetimeSeconds * 1000;
    }

    /**
     * RFC 8446 §4.2.11.1: obfuscated_ticket_age = (age in milliseconds + ticket_age_add) mod 2^32. The age is the
     * difference of two whole-millisecond readings, which can exceed the true elapsed time by up to 1 ms; one
     * millisecond less keeps it at or below the server's own (floored) view of the age, which the server necessarily
     * measures from earlier (it issued the ticket before we received it). Servers such as GnuTLS reject early data when
     * the client's age is larger than theirs (RFC 8446 §8.3 freshness check).
     * @param nowMillis the current time, in epoch milliseconds
     * @return the obfuscated_ticket_age to send
     */
    public long obfuscatedAge(long nowMillis) {
        long age = Math.max(0, nowMillis - receivedAtMillis - 1);
        return (age + ticketAgeAdd) & 0xFFFF_FFFFL;
    }

    @Override
    public String toString() {
        return "StoredTicket[" + serverName + ", " + suite + ", lifetime " + lifetimeSeconds + " s]";
    }
}
