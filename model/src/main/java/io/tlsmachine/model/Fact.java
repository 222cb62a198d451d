package io.tlsmachine.model;

import java.util.List;

/**
 * Names one fact of {@link Negotiated} with its type, so that one method, {@link Negotiated#with(Fact, Object)},
 * copies the facts with any one of them changed: {@code facts.with(Fact.VERSION, ProtocolVersion.TLS12)}.
 *
 * <p>Why a typed key rather than a builder or a generated wither: the fifteen facts are listed once here, in the order
 * of {@code Negotiated}'s components (a test proves names, types and order agree), and nowhere else but in
 * {@code Negotiated}'s one copy; the compiler checks the value's type against the key; a caller changes one fact in
 * one expression, as the steps do when a message establishes it; and nothing is generated at build time.
 *
 * @param <T> the fact's type ({@code Boolean} for the yes/no facts)
 */
public final class Fact<T> {

    public static final Fact<ProtocolVersion> VERSION = new Fact<>(0, "version", ProtocolVersion.class);
    public static final Fact<Tls13KeyExchange> TLS13_KEY_EXCHANGE =
            new Fact<>(1, "tls13KeyExchange", Tls13KeyExchange.class);
    public static final Fact<Tls12KeyExchange> TLS12_KEY_EXCHANGE =
            new Fact<>(2, "tls12KeyExchange", Tls12KeyExchange.class);
    public static final Fact<Tls12Handshake> TLS12_HANDSHAKE = new Fact<>(3, "tls12Handshake", Tls12Handshake.class);
    public static final Fact<Boolean> HELLO_RETRY_REQUESTED = new Fact<>(4, "helloRetryRequested", Boolean.class);
    public static final Fact<Boolean> CLIENT_AUTH_REQUESTED = new Fact<>(5, "clientAuthRequested", Boolean.class);
    public static final Fact<Boolean> CLIENT_CERTIFICATE_AVAILABLE =
            new Fact<>(6, "clientCertificateAvailable", Boolean.class);
    public static final Fact<Boolean> EARLY_DATA_OFFERED = new Fact<>(7, "earlyDataOffered", Boolean.class);
    public static final Fact<Boolean> EARLY_DATA_ACCEPTED = new Fact<>(8, "earlyDataAccepted", Boolean.class);
    public static final Fact<Boolean> MIDDLEBOX_COMPAT = new Fact<>(9, "middleboxCompat", Boolean.class);
    public static final Fact<Boolean> TICKET_EXPECTED = new Fact<>(10, "ticketExpected", Boolean.class);
    public static final Fact<Boolean> TICKETS_ENABLED = new Fact<>(11, "ticketsEnabled", Boolean.class);
    public static final Fact<Boolean> EXTENDED_MASTER_SECRET = new Fact<>(12, "extendedMasterSecret", Boolean.class);
    public static final Fact<Boolean> POST_HANDSHAKE_AUTH_OFFERED =
            new Fact<>(13, "postHandshakeAuthOffered", Boolean.class);
    public static final Fact<Boolean> DOWNGRADE_DETECTED = new Fact<>(14, "downgradeDetected", Boolean.class);

    private static final List<Fact<?>> ALL = List.of(VERSION, TLS13_KEY_EXCHANGE, TLS12_KEY_EXCHANGE, TLS12_HANDSHAKE,
            HELLO_RETRY_REQUESTED, CLIENT_AUTH_REQUESTED, CLIENT_CERTIFICATE_AVAILABLE, EARLY_DATA_OFFERED,
            EARLY_DATA_ACCEPTED, MIDDLEBOX_COMPAT, TICKET_EXPECTED, TICKETS_ENABLED, EXTENDED_MASTER_SECRET,
            POST_HANDSHAKE_AUTH_OFFERED, DOWNGRADE_DETECTED);

    private final int index;
    private final String name;
    private final Class<T> type;

    private Fact(int index, String name, Class<T> type) {
        this.index = index;
        this.name = name;
        this.type = type;
    }

    /** Returns every fact in the order of {@code Negotiated}'s components. */
    public static List<Fact<?>> all() {
        return ALL;
    }

    /** Returns the position of the fact among {@code Negotiated}'s components. */
    int index() {
        return index;
    }

    /** Returns the name of the {@code Negotiated} component that holds the fact. */
    public String name() {
        return name;
    }

    /** Returns the fact's type ({@code Boolean} for the yes/no facts). */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
