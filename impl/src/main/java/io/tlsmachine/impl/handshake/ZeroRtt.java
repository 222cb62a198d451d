package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.PskIdentity;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.EarlySecret;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Objects;

/**
 * The 0-RTT decisions and keys of both roles (RFC 8446 §2.3, §4.2.10, §7.1, §8): whether a client may send early
 * data with a stored ticket, whether a server accepts the early data offered with one of its tickets, and the
 * client_early_traffic_secret record protection.
 */
final class ZeroRtt {

    /**
     * RFC 8446 §8.3: how far the client's view of the ticket age may be from ours (the round trip and clock skew);
     * the RFC's example window is 10 seconds.
     */
    static final long AGE_WINDOW_MILLIS = 10_000;

    private ZeroRtt() {
    }

    /**
     * RFC 8446 §4.2.10: a client sends early data only with a TLS 1.3 ticket that allows at least that much
     * (max_early_data_size) and whose ALPN protocol (if any) it offers again.
     */
    static boolean clientMayOffer(HandshakeContext ctx, StoredTicket ticket, byte[] data) {
        return data != null && ticket != null && ClientHandshake.ticketVersion(ticket) == ProtocolVersion.TLS13
                && data.length <= ticket.maxEarlyDataSize()
                && (ticket.applicationProtocol() == null
                        || ctx.config().applicationProtocols().contains(ticket.applicationProtocol()));
    }

    /**
     * RFC 8446 §7.1: client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello), logged
     * as CLIENT_EARLY_TRAFFIC_SECRET; returns the record protection keyed from it (RFC 8446 §7.3).
     */
    static Tls13AeadProtection earlyProtection(HandshakeContext ctx, EarlySecret early, SuiteParameters suite,
            byte[] clientHelloHash) {
        TrafficSecret secret = early.clientEarlyTrafficSecret(clientHelloHash);
        try {
            ctx.logSecret(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET, secret.secret());
            return Tls13AeadProtection.create(Epoch.EARLY, ctx.crypto(), secret.trafficKeys(suite.aead()));
        } finally {
            Wipe.quietly(secret);
        }
    }

    /** The hash of the (first) ClientHello alone, under the PSK's hash, before the transcript has one. */
    static byte[] clientHelloHash(HandshakeContext ctx, HashAlgorithm hash, byte[] encodedClientHello) {
        io.tlsmachine.impl.crypto.Digest digest = ctx.crypto().digest(hash);
        digest.update(encodedClientHello, 0, encodedClientHello.length);
        return digest.finish();
    }

    /**
     * RFC 8446 §4.2.10: the server accepts early data only when 0-RTT is configured, the ClientHello offers it, the
     * first PSK identity was accepted ({@code ticket}), the ticket allowed early data and was issued for the
     * selected suite, ALPN protocol and server name, the ticket age is within the window (§8.3), and the ticket's
     * first 0-RTT use (§8.1); the last check records the use, so it comes last.
     */
    static boolean serverAccepts(HandshakeContext ctx, ClientHello hello, SessionTickets.OpenedTicket ticket,
            PskIdentity identity) {
        if (ctx.config().maxEarlyDataSize() == 0 || hello.extension(EarlyData.class).isEmpty() || ticket == null
                || ticket.maxEarlyDataSize() == 0 || !ticket.suite().equals(ctx.negotiation().suite().suite())
                || !Objects.equals(ticket.applicationProtocol(), ctx.negotiation().applicationProtocol())
                || !Objects.equals(ticket.serverName(), ctx.negotiation().serverName())) {
            return false;
        }
        long now = ctx.config().clock().millis();
        // RFC 8446 §4.2.11.1: the client's ticket age is obfuscated_ticket_age - ticket_age_add (mod 2^32).
        long clientAge = (identity.obfuscatedTicketAge() - ticket.ticketAgeAdd()) & 0xFFFF_FFFFL;
        long ourAge = now - ticket.issuedAtMillis();
        if (Math.abs(ourAge - clientAge) > AGE_WINDOW_MILLIS) {
            return false;
        }
        return ctx.config().earlyDataAntiReplay().map(r -> r.firstUse(ticket.id().toByteArray(), ticket.expiresAtMillis(), now))
                .orElse(false);
    }

    /**
     * RFC 8446 §4.2.10: the server counts the early data it received ("Only Application Data payload ... is
     * counted") against the ticket's max_early_data_size; more is unexpected_message.
     */
    static long chargeEarlyData(long received, int length, long limit) {
        long total = received + length;
        if (total > limit) {
            throw TlsException.fatal(Reason.TOO_MUCH_EARLY_DATA, "early data exceeds max_early_data_size " + limit);
        }
        return total;
    }
}
