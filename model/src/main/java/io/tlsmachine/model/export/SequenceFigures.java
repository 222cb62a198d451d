package io.tlsmachine.model.export;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.HandshakeWalker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws the message-sequence figures: one per handshake type the walker finds (a distinct completed message
 * sequence), and the figures of RFC 8446 §2 and RFC 5246 §7.3, each the merge of the handshake types it stands for.
 */
public final class SequenceFigures {

    /**
     * One handshake type: a distinct message sequence from START to both sides connected.
     *
     * @param name a file name derived from {@code title}, e.g. {@code tls13-psk-0-rtt-accepted}
     * @param title the features every facts combination of this type shares, e.g. {@code TLS 1.3, PSK, 0-RTT accepted}
     * @param walks the walks (one per facts combination) that produce this sequence
     */
    public record HandshakeType(String name, String title, List<HandshakeWalk> walks) {

        public HandshakeType {
            walks = List.copyOf(walks);
        }

        /** Returns this type's figure. */
        public SequenceFigure figure() {
            return new SequenceFigure(title, walks.get(0).facts().version(), List.of(FigureMerge.section("", walks)));
        }
    }

    /** The RFC's own figures, each with the facts of the handshakes it draws (one predicate per handshake). */
    public enum ReferenceFigure {
        /** RFC 8446 §2 Figure 1: Message Flow for Full TLS Handshake. */
        RFC8446_FIGURE_1("rfc8446-figure-1", "RFC 8446 §2 Figure 1: full handshake",
                List.of(""), List.of(tls13(f -> !f.helloRetryRequested() && !f.earlyDataOffered() && !f.ticketsEnabled()))),
        /** RFC 8446 §2 Figure 2: Message Flow for a Full Handshake with Mismatched Parameters. */
        RFC8446_FIGURE_2("rfc8446-figure-2", "RFC 8446 §2 Figure 2: full handshake with HelloRetryRequest",
                List.of(""), List.of(tls13(f -> f.helloRetryRequested() && !f.earlyDataOffered() && !f.ticketsEnabled()
                        && f.tls13KeyExchange() != Tls13KeyExchange.PSK_ONLY))),
        /** RFC 8446 §2 Figure 3: Message Flow for Resumption and PSK. */
        RFC8446_FIGURE_3("rfc8446-figure-3", "RFC 8446 §2 Figure 3: a ticket, then resumption with it",
                List.of("Initial Handshake:", "Subsequent Handshake:"),
                List.of(tls13(f -> !f.pskAccepted() && !f.helloRetryRequested() && !f.earlyDataOffered() && f.ticketsEnabled()),
                        tls13(f -> f.pskAccepted() && !f.helloRetryRequested() && !f.earlyDataOffered() && !f.ticketsEnabled()))),
        /** RFC 8446 §2 Figure 4: Message Flow for a 0-RTT Handshake. */
        RFC8446_FIGURE_4("rfc8446-figure-4", "RFC 8446 §2 Figure 4: 0-RTT handshake",
                List.of(""), List.of(tls13(f -> f.earlyDataAccepted() && !f.ticketsEnabled()))),
        /** RFC 5246 §7.3 Figure 1: Message flow for a full handshake. */
        RFC5246_FIGURE_1("rfc5246-figure-1", "RFC 5246 §7.3 Figure 1: full handshake",
                List.of(""), List.of(tls12(f -> !f.tls12Handshake().abbreviated() && !f.ticketExpected()))),
        /** RFC 5246 §7.3 Figure 2: Message flow for an abbreviated handshake. */
        RFC5246_FIGURE_2("rfc5246-figure-2", "RFC 5246 §7.3 Figure 2: abbreviated handshake",
                List.of(""), List.of(tls12(f -> f.tls12Handshake().abbreviated() && !f.ticketExpected())));

        private final String fileName;
        private final String title;
        private final List<String> headings;
        private final List<Predicate<Negotiated>> handshakes;

        ReferenceFigure(String fileName, String title, List<String> headings, List<Predicate<Negotiated>> handshakes) {
            this.fileName = fileName;
            this.title = title;
            this.headings = headings;
            this.handshakes = handshakes;
        }

        /** Returns the file name, without extension, of the RFC's figure under specs/rfc and of ours. */
        public String fileName() {
            return fileName;
        }

        /** Returns our figure: each handshake the merge of the completed walks whose facts it selects. */
        public SequenceFigure figure() {
            List<HandshakeWalk> walks = completedWalks();
            List<SequenceFigure.Section> sections = new ArrayList<>();
            for (int i = 0; i < handshakes.size(); i++) {
                Predicate<Negotiated> selects = handshakes.get(i);
                List<HandshakeWalk> family = walks.stream().filter(w -> selects.test(w.facts())).toList();
                sections.add(FigureMerge.section(headings.get(i), family));
            }
            return new SequenceFigure(title, walks.stream().filter(w -> handshakes.get(0).test(w.facts())).findFirst()
                    .orElseThrow().facts().version(), sections);
        }

        // The RFC's figures draw no middlebox-compatibility ChangeCipherSpec (RFC 8446 Appendix D.4).
        private static Predicate<Negotiated> tls13(Predicate<Negotiated> p) {
            return f -> f.version() == ProtocolVersion.TLS13 && !f.middleboxCompat() && p.test(f);
        }

        private static Predicate<Negotiated> tls12(Predicate<Negotiated> p) {
            return f -> f.version() == ProtocolVersion.TLS12 && !f.downgradeDetected() && p.test(f);
        }
    }

    private SequenceFigures() {
    }

    /** Returns every handshake type, in the order of their first facts combination in {@link Negotiated#all()}. */
    public static List<HandshakeType> handshakeTypes() {
        Map<List<String>, List<HandshakeWalk>> bySequence = new LinkedHashMap<>();
        for (HandshakeWalk walk : completedWalks()) {
            bySequence.computeIfAbsent(walk.sequence(), k -> new ArrayList<>()).add(walk);
        }
        List<HandshakeType> types = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (List<HandshakeWalk> walks : bySequence.values()) {
            List<String> common = new ArrayList<>(features(walks.get(0).facts()));
            walks.forEach(w -> common.retainAll(features(w.facts())));
            String title = String.join(", ", common);
            String base = title.toLowerCase(Locale.ROOT).replace("tls 1.", "tls1").replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n;
            }
            types.add(new HandshakeType(name, title, walks));
        }
        return List.copyOf(types);
    }

    /**
     * Returns the figures of {@code scope}'s versions as text, by file name without extension: the RFC's figures
     * first, then every handshake type.
     */
    public static Map<String, String> texts(DiagramScope scope) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (ReferenceFigure figure : ReferenceFigure.values()) {
            SequenceFigure drawn = figure.figure();
            if (scope.includes(drawn.version())) {
                texts.put(figure.fileName(), drawn.text());
            }
        }
        for (HandshakeType type : handshakeTypes()) {
            if (scope.includes(type.walks().get(0).facts().version())) {
                texts.put(type.name(), type.figure().text());
            }
        }
        return texts;
    }

    /** Returns a Markdown index of the figures: the RFC's, then every handshake type with its facts count. */
    public static String index(List<HandshakeType> types) {
        StringBuilder out = new StringBuilder("# Message-sequence figures (generated)\n\n");
        out.append("Generated from the model by walking client and server together over every facts combination ")
                .append("(`HandshakeWalker`); regenerate with `mvn -B verify -Dtlsmachine.regenerate=true`.\n\n");
        out.append("## The RFC's figures\n\n");
        for (ReferenceFigure figure : ReferenceFigure.values()) {
            out.append("- [").append(figure.title).append("](").append(figure.fileName()).append(".txt)\n");
        }
        out.append("\n## Handshake types (").append(types.size()).append(")\n\n| figure | facts combinations |\n|---|---|\n");
        for (HandshakeType type : types) {
            out.append("| [").append(type.title()).append("](").append(type.name()).append(".txt) | ")
                    .append(type.walks().size()).append(" |\n");
        }
        return out.toString();
    }

    private static List<HandshakeWalk> completedWalks() {
        return HandshakeWalker.walkAll().stream().filter(HandshakeWalk::completed).toList();
    }

    /** Returns what a reader tells handshakes apart by, general before specific (PSK, then PSK only). */
    static List<String> features(Negotiated f) {
        List<String> features = new ArrayList<>();
        if (f.version() == ProtocolVersion.TLS13) {
            features.add("TLS 1.3");
            switch (f.tls13KeyExchange()) {
                case ECDHE -> features.add("(EC)DHE with certificate");
                case PSK_DHE -> features.addAll(List.of("PSK", "PSK with (EC)DHE"));
                case PSK_ONLY -> features.addAll(List.of("PSK", "PSK only"));
            }
            if (f.helloRetryRequested()) {
                features.add("HelloRetryRequest");
            }
        } else {
            features.add("TLS 1.2");
            if (f.tls12Handshake() == Tls12Handshake.FULL) {
                features.add("full");
                features.add(f.tls12KeyExchange().ephemeral() ? "(EC)DHE" : "RSA key transport");
                features.add(f.tls12KeyExchange().name());
            } else {
                features.add("resumed");
                features.add(f.tls12Handshake() == Tls12Handshake.RESUMED_BY_TICKET ? "by ticket" : "by session ID");
            }
        }
        if (f.clientAuthRequested()) {
            features.add("client auth");
            features.add(f.clientCertificateAvailable() ? "client certificate" : "empty client certificate");
        }
        if (f.earlyDataOffered()) {
            features.add(f.earlyDataAccepted() ? "0-RTT accepted" : "0-RTT rejected");
        }
        if (f.middleboxCompat()) {
            features.add("middlebox compatibility");
        }
        if (f.ticketsEnabled() || f.ticketExpected()) {
            features.add("new ticket");
        }
        if (f.extendedMasterSecret()) {
            features.add("extended master secret");
        }
        return features;
    }
}
