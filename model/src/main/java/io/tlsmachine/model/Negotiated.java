package io.tlsmachine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds the facts a connection has established so far; guards read only these.
 *
 * <p>A fact is established by the message that carries it (the engine's input mapper reads it from the
 * message before the machine fires; in the model checker a message carries its facts). Fields that are
 * irrelevant to the negotiated version hold a canonical value, so that {@link #all()} stays small.
 *
 * @param version negotiated protocol version (ServerHello, or the server's own selection)
 * @param tls13KeyExchange TLS 1.3 key exchange mode (RFC 8446 §2); {@code ECDHE} under TLS 1.2
 * @param tls12KeyExchange TLS 1.2 key exchange of the cipher suite; {@code ECDHE} under TLS 1.3
 * @param tls12Handshake TLS 1.2 full or abbreviated handshake; {@code FULL} under TLS 1.3
 * @param helloRetryRequested the server sent (TLS 1.3) HelloRetryRequest
 * @param clientAuthRequested the server requested a client certificate during the handshake
 * @param clientCertificateAvailable the client has a certificate to send when asked (else it sends an empty one)
 * @param earlyDataOffered the client offered 0-RTT data (RFC 8446 §4.2.10)
 * @param earlyDataAccepted the server accepted 0-RTT data
 * @param middleboxCompat middlebox compatibility mode: dummy ChangeCipherSpec records (RFC 8446 Appendix D.4)
 * @param ticketExpected TLS 1.2: the server will send NewSessionTicket (RFC 5077 §3.2)
 * @param ticketsEnabled TLS 1.3: the server issues NewSessionTicket after the handshake (RFC 8446 §4.6.1)
 * @param extendedMasterSecret TLS 1.2: extended master secret negotiated (RFC 7627)
 * @param postHandshakeAuthOffered TLS 1.3: the client sent post_handshake_auth (RFC 8446 §4.2.6)
 * @param downgradeDetected a TLS 1.3-capable client saw the downgrade sentinel in a TLS 1.2 ServerHello (RFC 8446 §4.1.3)
 */
public record Negotiated(
        ProtocolVersion version,
        Tls13KeyExchange tls13KeyExchange,
        Tls12KeyExchange tls12KeyExchange,
        Tls12Handshake tls12Handshake,
        boolean helloRetryRequested,
        boolean clientAuthRequested,
        boolean clientCertificateAvailable,
        boolean earlyDataOffered,
        boolean earlyDataAccepted,
        boolean middleboxCompat,
        boolean ticketExpected,
        boolean ticketsEnabled,
        boolean extendedMasterSecret,
        boolean postHandshakeAuthOffered,
        boolean downgradeDetected) {

    private static final List<Negotiated> ALL = enumerate();

    /** Returns the facts of a plain TLS 1.3 full handshake, the starting point for {@link #with} copies. */
    public static Negotiated tls13() {
        return new Negotiated(ProtocolVersion.TLS13, Tls13KeyExchange.ECDHE, Tls12KeyExchange.ECDHE, Tls12Handshake.FULL,
                false, false, false, false, false, false, false, false, false, false, false);
    }

    /** Returns the facts of a plain TLS 1.2 full ECDHE handshake, the starting point for {@link #with} copies. */
    public static Negotiated tls12() {
        return tls13().with(Fact.VERSION, ProtocolVersion.TLS12);
    }

    /** Tells whether the server accepted a PSK (TLS 1.3 psk_ke or psk_dhe_ke). */
    public boolean pskAccepted() {
        return version == ProtocolVersion.TLS13 && tls13KeyExchange.usesPsk();
    }

    /**
     * Tells whether this combination can occur in one connection. The rules (each from the RFC or a
     * canonical value for an irrelevant field) are listed in specs/machines/VOCABULARY.md.
     */
    public boolean consistent() {
        if (version == ProtocolVersion.TLS13) {
            return tls12KeyExchange == Tls12KeyExchange.ECDHE && tls12Handshake == Tls12Handshake.FULL
                    && !ticketExpected && !extendedMasterSecret && !downgradeDetected
                    // RFC 8446 §4.3.2: no CertificateRequest in the main handshake when authenticating with a PSK.
                    && !(clientAuthRequested && pskAccepted())
                    // RFC 8446 §4.2.10: accepted 0-RTT needs an offer, the first PSK, and no HelloRetryRequest.
                    && !(earlyDataAccepted && (!earlyDataOffered || !pskAccepted() || helloRetryRequested));
        }
        boolean canonicalTls13Fields = tls13KeyExchange == Tls13KeyExchange.ECDHE && !helloRetryRequested
                && !earlyDataOffered && !earlyDataAccepted && !middleboxCompat && !ticketsEnabled
                && !postHandshakeAuthOffered;
        boolean canonicalClientAuth = clientAuthRequested || !clientCertificateAvailable;
        boolean abbreviatedCanonical = !tls12Handshake.abbreviated()
                || (!clientAuthRequested && tls12KeyExchange == Tls12KeyExchange.ECDHE);
        boolean downgradeCanonical = !downgradeDetected
                || (tls12Handshake == Tls12Handshake.FULL && tls12KeyExchange == Tls12KeyExchange.ECDHE
                        && !clientAuthRequested && !ticketExpected && !extendedMasterSecret);
        return canonicalTls13Fields && canonicalClientAuth && abbreviatedCanonical && downgradeCanonical;
    }

    /** Returns every consistent facts combination, in a fixed order (a few hundred). */
    public static List<Negotiated> all() {
        return ALL;
    }

    private static List<Negotiated> enumerate() {
        boolean[] bools = {false, true};
        List<Negotiated> result = new ArrayList<>();
        for (Tls13KeyExchange mode : Tls13KeyExchange.values()) {
            for (boolean hrr : bools) {
                for (boolean auth : bools) {
                    for (boolean cert : bools) {
                        for (boolean offered : bools) {
                            for (boolean accepted : bools) {
                                for (boolean middlebox : bools) {
                                    for (boolean tickets : bools) {
                                        for (boolean pha : bools) {
                                            Negotiated n = new Negotiated(ProtocolVersion.TLS13, mode, Tls12KeyExchange.ECDHE,
                                                    Tls12Handshake.FULL, hrr, auth, cert, offered, accepted, middlebox,
                                                    false, tickets, false, pha, false);
                                            if (n.consistent()) {
                                                result.add(n);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (Tls12Handshake kind : Tls12Handshake.values()) {
            for (Tls12KeyExchange kx : Tls12KeyExchange.values()) {
                for (boolean auth : bools) {
                    for (boolean cert : bools) {
                        for (boolean ticket : bools) {
                            for (boolean ems : bools) {
                                for (boolean downgrade : bools) {
                                    Negotiated n = new Negotiated(ProtocolVersion.TLS12, Tls13KeyExchange.ECDHE, kx, kind,
                                            false, auth, cert, false, false, false, ticket, false, ems, false, downgrade);
                                    if (n.consistent()) {
                                        result.add(n);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * Returns a copy of these facts with {@code fact} set to {@code value}: the one way to change a fact (see
     * {@link Fact} for why a typed key).
     */
    public <T> Negotiated with(Fact<T> fact, T value) {
        Object[] values = {version, tls13KeyExchange, tls12KeyExchange, tls12Handshake, helloRetryRequested,
            clientAuthRequested, clientCertificateAvailable, earlyDataOffered, earlyDataAccepted, middleboxCompat,
            ticketExpected, ticketsEnabled, extendedMasterSecret, postHandshakeAuthOffered, downgradeDetected};
        values[fact.index()] = fact.type().cast(Objects.requireNonNull(value, fact.name()));
        return new Negotiated((ProtocolVersion) values[0], (Tls13KeyExchange) values[1], (Tls12KeyExchange) values[2],
                (Tls12Handshake) values[3], (boolean) values[4], (boolean) values[5], (boolean) values[6],
                (boolean) values[7], (boolean) values[8], (boolean) values[9], (boolean) values[10], (boolean) values[11],
                (boolean) values[12], (boolean) values[13], (boolean) values[14]);
    }
}
