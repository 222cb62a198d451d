package io.tlsmachine.model.export;

import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.model.analysis.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lists the noteworthy extensions the sequence figures show under a message (the {@code +} lines of RFC 8446 §2),
 * each with the facts under which the message carries it, in the order the RFC's figures list them. The model has
 * no extensions, so this is the one table of them; TLS 1.2 figures show none, like RFC 5246 §7.3.
 */
final class FigureExtensions {

    private record Rule(Role sender, Message message, String extension, Predicate<Negotiated> when) {
    }

    private static final Predicate<Negotiated> DHE = f -> f.tls13KeyExchange() != Tls13KeyExchange.PSK_ONLY;

    // RFC 8446 §2 Figures 1-4, §4.2.8 (key_share), §4.2.3 (signature_algorithms), §4.2.9-§4.2.11.
    private static final List<Rule> RULES = List.of(
            new Rule(Role.CLIENT, Message.CLIENT_HELLO, "early_data", Negotiated::earlyDataOffered),
            new Rule(Role.CLIENT, Message.CLIENT_HELLO, "key_share", DHE),
            new Rule(Role.CLIENT, Message.CLIENT_HELLO, "signature_algorithms", f -> !f.pskAccepted()),
            new Rule(Role.CLIENT, Message.CLIENT_HELLO, "psk_key_exchange_modes", Negotiated::pskAccepted),
            new Rule(Role.CLIENT, Message.CLIENT_HELLO, "pre_shared_key", Negotiated::pskAccepted),
            new Rule(Role.SERVER, Message.HELLO_RETRY_REQUEST, "key_share", f -> true),
            new Rule(Role.SERVER, Message.SERVER_HELLO, "key_share", DHE),
            new Rule(Role.SERVER, Message.SERVER_HELLO, "pre_shared_key", Negotiated::pskAccepted),
            new Rule(Role.SERVER, Message.ENCRYPTED_EXTENSIONS, "early_data", Negotiated::earlyDataAccepted));

    private FigureExtensions() {
    }

    /** Returns where {@code extension} first appears in the table: the figures list extensions in this order. */
    static int rank(String extension) {
        for (int i = 0; i < RULES.size(); i++) {
            if (RULES.get(i).extension().equals(extension)) {
                return i;
            }
        }
        return RULES.size();
    }

    /** Returns the extensions {@code sender}'s {@code message} carries under {@code facts}, in table order. */
    static List<String> of(Role sender, Message message, Negotiated facts) {
        List<String> extensions = new ArrayList<>();
        if (facts.version() != ProtocolVersion.TLS13) {
            return extensions;
        }
        for (Rule rule : RULES) {
            if (rule.sender() == sender && rule.message() == message && rule.when().test(facts)) {
                extensions.add(rule.extension());
            }
        }
        return extensions;
    }
}
