package io.tlsmachine.model.export;

import io.tlsmachine.model.Guard;
import java.util.EnumMap;
import java.util.Map;

/**
 * Maps each {@link Guard} to the short reader's label the teaching view shows ({@code [PSK]}, {@code [cert auth]},
 * {@code [0-RTT accepted]}); the one table, so a new guard without a label fails {@code GuardLabelsTest}.
 */
public final class GuardLabels {

    private static final Map<Guard, String> SHORT = new EnumMap<>(Guard.class);

    static {
        SHORT.put(Guard.ALWAYS, "");
        SHORT.put(Guard.TLS13, "TLS 1.3");
        SHORT.put(Guard.TLS12, "TLS 1.2");
        SHORT.put(Guard.TLS12_FULL, "full");
        SHORT.put(Guard.TLS12_FULL_NO_DOWNGRADE, "TLS 1.2 full");
        SHORT.put(Guard.TLS12_FULL_CLIENT_AUTH, "full, cert requested");
        SHORT.put(Guard.TLS12_FULL_NO_CLIENT_AUTH, "full, no cert request");
        SHORT.put(Guard.TLS12_ABBREVIATED, "resumed");
        SHORT.put(Guard.TLS12_ABBREVIATED_TICKET_EXPECTED, "resumed, ticket");
        SHORT.put(Guard.TLS12_ABBREVIATED_NO_TICKET, "resumed, no ticket");
        SHORT.put(Guard.DOWNGRADE_DETECTED, "downgrade");
        SHORT.put(Guard.EPHEMERAL_KEY_EXCHANGE, "(EC)DHE");
        SHORT.put(Guard.RSA_KEY_TRANSPORT, "RSA");
        SHORT.put(Guard.PSK_ACCEPTED, "PSK");
        SHORT.put(Guard.CERTIFICATE_AUTHENTICATION, "cert auth");
        SHORT.put(Guard.CLIENT_AUTH_REQUESTED, "cert requested");
        SHORT.put(Guard.NOT_CLIENT_AUTH_REQUESTED, "no cert request");
        SHORT.put(Guard.CLIENT_CERTIFICATE_SENT, "client cert");
        SHORT.put(Guard.EMPTY_CLIENT_CERTIFICATE, "no client cert");
        SHORT.put(Guard.CLIENT_CERTIFICATE_AVAILABLE, "client cert");
        SHORT.put(Guard.NO_CLIENT_CERTIFICATE, "no client cert");
        SHORT.put(Guard.EARLY_DATA_OFFERED, "0-RTT offered");
        SHORT.put(Guard.EARLY_DATA_ACCEPTED, "0-RTT accepted");
        SHORT.put(Guard.NOT_EARLY_DATA_ACCEPTED, "no 0-RTT");
        SHORT.put(Guard.TICKET_EXPECTED, "ticket");
        SHORT.put(Guard.NO_TICKET_EXPECTED, "no ticket");
        SHORT.put(Guard.TICKETS_ENABLED, "tickets");
        SHORT.put(Guard.POST_HANDSHAKE_AUTH_OFFERED, "post-handshake auth");
        SHORT.put(Guard.NO_POST_HANDSHAKE_AUTH, "no post-handshake auth");
        SHORT.put(Guard.MIDDLEBOX_CCS_AFTER_CLIENT_HELLO, "middlebox");
        SHORT.put(Guard.MIDDLEBOX_CCS_BEFORE_SECOND_CLIENT_HELLO, "middlebox");
        SHORT.put(Guard.MIDDLEBOX_CCS_BEFORE_CLIENT_FLIGHT, "middlebox");
        SHORT.put(Guard.MIDDLEBOX_CCS_AFTER_HELLO_RETRY, "middlebox");
        SHORT.put(Guard.MIDDLEBOX_CCS_AFTER_SERVER_HELLO, "middlebox");
    }

    private GuardLabels() {
    }

    /** Returns {@code " [label]"} for a guard, empty for {@link Guard#ALWAYS}; the guard's own label if unmapped. */
    public static String bracketed(Guard guard) {
        String label = shortLabel(guard);
        return label.isEmpty() ? "" : " [" + label + "]";
    }

    /** Returns the short label, or the guard's camelCase label when the table has none. */
    public static String shortLabel(Guard guard) {
        return SHORT.getOrDefault(guard, guard.label());
    }

    /** Tells whether the table has a short label for {@code guard}. */
    public static boolean mapped(Guard guard) {
        return SHORT.containsKey(guard);
    }
}
