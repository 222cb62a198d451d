package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.keyschedule.BinderKey;
import io.tlsmachine.impl.keyschedule.EarlySecret;
import io.tlsmachine.impl.keyschedule.PskKind;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import java.util.Optional;

/**
 * Seals and opens the server's tickets (TLS 1.3, RFC 8446 §4.6.1; TLS 1.2, RFC 5077 §4) and computes TLS 1.3 PSK
 * binders (RFC 8446 §4.2.11.2).
 *
 * <p>A ticket is {@code nonce[12] || AES-256-GCM(ticket key, suite(2) || psk<1..255> || ticket_age_add(4) ||
 * issued_at_ms(8) || lifetime_s(4) || max_early_data_size(4) || alpn<0..255> || server_name<0..2^16-1> ||
 * session_identity<0..255>)}: self-contained (the identity names the session across resumptions, for the application), so the server keeps no per-session state. The random nonce identifies the ticket (for the
 * single-use record of 0-RTT tickets, {@link io.tlsmachine.EarlyDataAntiReplay}); the last three fields
 * are what RFC 8446 §4.2.10 requires early data to match.
 */
final class SessionTickets {

    /** RFC 8446 §4.6.1: at most seven days; we issue two hours. */
    static final long LIFETIME_SECONDS = 7200;
    private static final int NONCE_LENGTH = 12;

    /** What a server finds inside one of its tickets; {@code applicationProtocol} and {@code serverName} may be null. */
    record OpenedTicket(CipherSuite suite, Secret psk, long ticketAgeAdd, long issuedAtMillis, long lifetimeSeconds,
            long maxEarlyDataSize, String applicationProtocol, String serverName, Opaque id, Opaque sessionIdentity) {
        /** A session that allows no early data (e.g. from the TLS 1.2 session cache). */
        OpenedTicket(CipherSuite suite, Secret psk, long ticketAgeAdd, long issuedAtMillis, long lifetimeSeconds) {
            this(suite, psk, ticketAgeAdd, issuedAtMillis, lifetimeSeconds, 0, null, null, Opaque.EMPTY, Opaque.EMPTY);
        }

        boolean validAt(long nowMillis) {
            return nowMillis >= issuedAtMillis - 1000 && nowMillis - issuedAtMillis < lifetimeSeconds * 1000;
        }

        long expiresAtMillis() {
            return issuedAtMillis + lifetimeSeconds * 1000;
        }

        @Override
        public String toString() {
            return "OpenedTicket[" + suite + ", early data " + maxEarlyDataSize + "]";
        }
    }

    private SessionTickets() {
    }

    /** Seals a ticket that allows no early data. */
    static Opaque seal(HandshakeContext ctx, Secret psk, long ticketAgeAdd) {
        return seal(ctx, psk, ticketAgeAdd, 0);
    }

    /** Seals a ticket allowing {@code maxEarlyDataSize} bytes of 0-RTT data with this connection's ALPN and SNI. */
    static Opaque seal(HandshakeContext ctx, Secret psk, long ticketAgeAdd, long maxEarlyDataSize) {
        byte[] plain = new ByteWriter(128).u16(ctx.negotiation().suite().suite().code()).opaque8(psk.bytes()).u32(ticketAgeAdd)
                .u64(ctx.config().clock().millis()).u32(LIFETIME_SECONDS).u32(maxEarlyDataSize)
                .opaque8(utf8(ctx.negotiation().applicationProtocol())).opaque16(utf8(ctx.negotiation().serverName()))
                .opaque8(ctx.negotiation().sessionIdentity().toByteArray()).toByteArray();
        byte[] nonce = new byte[NONCE_LENGTH];
        ctx.config().random().nextBytes(nonce);
        Aead aead = ctx.crypto().aead(AeadAlgorithm.AES_256_GCM, ctx.ticketKey());
        try {
            byte[] sealed = aead.seal(nonce, new byte[0], plain);
            java.util.Arrays.fill(plain, (byte) 0);
            return Opaque.of(new ByteWriter(NONCE_LENGTH + sealed.length).bytes(nonce).bytes(sealed).toByteArray());
        } finally {
            Wipe.quietly(aead);
        }
    }

    /** Opens one of our tickets; empty when it is not ours, was tampered with, or is malformed. */
    static Optional<OpenedTicket> open(HandshakeContext ctx, Opaque ticket) {
        byte[] bytes = ticket.toByteArray();
        if (bytes.length <= NONCE_LENGTH + AeadAlgorithm.AES_256_GCM.tagLength()) {
            return Optional.empty();
        }
        Aead aead = ctx.crypto().aead(AeadAlgorithm.AES_256_GCM, ctx.ticketKey());
        try {
            byte[] plain = aead.open(java.util.Arrays.copyOf(bytes, NONCE_LENGTH), new byte[0],
                    java.util.Arrays.copyOfRange(bytes, NONCE_LENGTH, bytes.length));
            ByteReader in = ByteReader.of(plain);
            CipherSuite suite = new CipherSuite(in.u16("ticket.suite"));
            Secret psk = Secret.adopt(in.opaque8("ticket.psk", 1, 255).toByteArray());
            OpenedTicket opened = new OpenedTicket(suite, psk, in.u32("ticket.age_add"), in.u64("ticket.issued"),
                    in.u32("ticket.lifetime"), in.u32("ticket.max_early_data_size"),
                    string(in.opaque8("ticket.alpn", 0, 255)), string(in.opaque16("ticket.server_name", 0, 0xFFFF)),
                    Opaque.of(java.util.Arrays.copyOf(bytes, NONCE_LENGTH)), in.opaque8("ticket.session_identity", 0, 255));
            in.expectEmpty("ticket");
            return Optional.of(opened);
        } catch (TlsException e) {
            return Optional.empty();
        } finally {
            Wipe.quietly(aead);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? new byte[0] : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String string(Opaque value) {
        return value.isEmpty() ? null : new String(value.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * RFC 8446 §4.2.11.2: binder = HMAC(binder finished_key, Transcript-Hash(transcript so far, Truncate(ClientHello))).
     * Returns the early secret the binder came from (the handshake continues from it when the PSK is accepted).
     */
    static EarlySecret earlySecret(HandshakeContext ctx, HashAlgorithm hash, Secret psk) {
        return EarlySecret.fromPsk(new Tls13Hkdf(ctx.crypto(), hash), psk);
    }

    /** The transcript hash over everything so far and {@code encoded} (the framed {@code hello}) without its binders. */
    static byte[] truncatedHash(HandshakeContext ctx, HashAlgorithm hash, ClientHello hello, byte[] encoded) {
        int bindersLength = hello.extension(PreSharedKeyOffer.class).orElseThrow().bindersLength();
        return ctx.transcript().hashWithTruncatedClientHello(hash, encoded, encoded.length - bindersLength);
    }

    static byte[] binder(EarlySecret early, byte[] truncatedHash) {
        BinderKey key = early.binderKey(PskKind.RESUMPTION);
        try {
            return key.binder(truncatedHash);
        } finally {
            Wipe.quietly(key);
        }
    }

    static void checkBinder(EarlySecret early, byte[] truncatedHash, byte[] received) {
        BinderKey key = early.binderKey(PskKind.RESUMPTION);
        try {
            key.checkBinder(truncatedHash, received);
        } finally {
            Wipe.quietly(key);
        }
    }
}
