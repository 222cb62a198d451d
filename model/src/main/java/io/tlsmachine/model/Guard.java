package io.tlsmachine.model;

import java.util.function.Predicate;

/**
 * Names a predicate over the {@link Negotiated} facts; transitions and optional outputs carry one.
 *
 * <p>The {@link #label()} (camelCase) is what diagrams and the spec tables show. Guards of one
 * (state, input, epoch) are mutually exclusive and together cover every facts combination the state's
 * {@link VersionRegion} admits.
 */
public enum Guard {
    ALWAYS("always", f -> true),
    TLS13("tls13", f -> f.version() == ProtocolVersion.TLS13),
    TLS12("tls12", f -> f.version() == ProtocolVersion.TLS12),
    TLS12_FULL("tls12Full", f -> f.version() == ProtocolVersion.TLS12 && !f.tls12Handshake().abbreviated()),
    TLS12_FULL_NO_DOWNGRADE("tls12FullNoDowngrade", f -> TLS12_FULL.test(f) && !f.downgradeDetected()),
    TLS12_FULL_CLIENT_AUTH("tls12FullClientAuth", f -> TLS12_FULL.test(f) && f.clientAuthRequested()),
    TLS12_FULL_NO_CLIENT_AUTH("tls12FullNoClientAuth", f -> TLS12_FULL.test(f) && !f.clientAuthRequested()),
    TLS12_ABBREVIATED("tls12Abbreviated", f -> f.version() == ProtocolVersion.TLS12 && f.tls12Handshake().abbreviated()),
    TLS12_ABBREVIATED_TICKET_EXPECTED("tls12AbbreviatedTicketExpected", f -> TLS12_ABBREVIATED.test(f) && f.ticketExpected()),
    TLS12_ABBREVIATED_NO_TICKET("tls12AbbreviatedNoTicket", f -> TLS12_ABBREVIATED.test(f) && !f.ticketExpected()),
    DOWNGRADE_DETECTED("downgradeDetected", Negotiated::downgradeDetected),
    EPHEMERAL_KEY_EXCHANGE("ephemeralKeyExchange", f -> f.tls12KeyExchange().ephemeral()),
    RSA_KEY_TRANSPORT("rsaKeyTransport", f -> !f.tls12KeyExchange().ephemeral()),
    PSK_ACCEPTED("pskAccepted", Negotiated::pskAccepted),
    CERTIFICATE_AUTHENTICATION("certificateAuthentication", f -> !f.pskAccepted()),
    CLIENT_AUTH_REQUESTED("clientAuthRequested", Negotiated::clientAuthRequested),
    NOT_CLIENT_AUTH_REQUESTED("notClientAuthRequested", f -> !f.clientAuthRequested()),
    CLIENT_CERTIFICATE_SENT("clientCertificateSent", f -> f.clientAuthRequested() && f.clientCertificateAvailable()),
    EMPTY_CLIENT_CERTIFICATE("emptyClientCertificate", f -> f.clientAuthRequested() && !f.clientCertificateAvailable()),
    CLIENT_CERTIFICATE_AVAILABLE("clientCertificateAvailable", Negotiated::clientCertificateAvailable),
    NO_CLIENT_CERTIFICATE("noClientCertificate", f -> !f.clientCertificateAvailable()),
    EARLY_DATA_OFFERED("earlyDataOffered", Negotiated::earlyDataOffered),
    EARLY_DATA_ACCEPTED("earlyDataAccepted", Negotiated::earlyDataAccepted),
    NOT_EARLY_DATA_ACCEPTED("notEarlyDataAccepted", f -> !f.earlyDataAccepted()),
    TICKET_EXPECTED("ticketExpected", Negotiated::ticketExpected),
    NO_TICKET_EXPECTED("noTicketExpected", f -> !f.ticketExpected()),
    TICKETS_ENABLED("ticketsEnabled", Negotiated::ticketsEnabled),
    POST_HANDSHAKE_AUTH_OFFERED("postHandshakeAuthOffered", Negotiated::postHandshakeAuthOffered),
    NO_POST_HANDSHAKE_AUTH("noPostHandshakeAuth", f -> !f.postHandshakeAuthOffered()),
    MIDDLEBOX_CCS_AFTER_CLIENT_HELLO("middleboxCcsAfterClientHello", f -> f.middleboxCompat() && f.earlyDataOffered()),
    MIDDLEBOX_CCS_BEFORE_SECOND_CLIENT_HELLO("middleboxCcsBeforeSecondClientHello",
            f -> f.middleboxCompat() && !f.earlyDataOffered()),
    MIDDLEBOX_CCS_BEFORE_CLIENT_FLIGHT("middleboxCcsBeforeClientFlight",
            f -> f.middleboxCompat() && !f.earlyDataOffered() && !f.helloRetryRequested()),
    MIDDLEBOX_CCS_AFTER_HELLO_RETRY("middleboxCcsAfterHelloRetry", Negotiated::middleboxCompat),
    MIDDLEBOX_CCS_AFTER_SERVER_HELLO("middleboxCcsAfterServerHello",
            f -> f.middleboxCompat() && !f.helloRetryRequested());

    private final String label;
    private final Predicate<Negotiated> predicate;

    Guard(String label, Predicate<Negotiated> predicate) {
        this.label = label;
        this.predicate = predicate;
    }

    /** Evaluates this guard over the facts. */
    public boolean test(Negotiated facts) {
        return predicate.test(facts);
    }

    /** Returns the camelCase name shown in diagrams and spec tables. */
    public String label() {
        return label;
    }
}
