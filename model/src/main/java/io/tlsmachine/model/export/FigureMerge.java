package io.tlsmachine.model.export;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.model.analysis.SentMessage;
import io.tlsmachine.model.server.ServerMachine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the walks of one family of handshakes into one figure section: the messages in the order of their
 * shortest common supersequence, a {@code *} on a message or extension absent from some of the walks (and on
 * application data, which the application may not write), RFC 8446's {@code () {} []} marks from each message's
 * epoch (RFC 5246's {@code []} on ChangeCipherSpec), and the server's 0.5-RTT data after its Finished when the
 * server machine lets the application write before the handshake completes (RFC 8446 §4.4.4).
 */
final class FigureMerge {

    /** One message of a figure: who sends it, which (a Certificate with an empty list is a Certificate), its keys. */
    private record Item(Role sender, Message message, Epoch epoch) {
    }

    private static final boolean SERVER_HALF_RTT = halfRtt(ServerMachine.definition());

    private FigureMerge() {
    }

    /** Returns the section of {@code walks} (all of one version) under {@code heading}. */
    static SequenceFigure.Section section(String heading, List<HandshakeWalk> walks) {
        List<List<SentMessage>> sequences = walks.stream().map(FigureMerge::withHalfRtt).toList();
        List<Item> merged = new ArrayList<>();
        for (List<SentMessage> sequence : sequences) {
            merged = supersequence(merged, items(sequence));
        }
        int[] present = new int[merged.size()];
        List<Map<String, Integer>> extensions = new ArrayList<>();
        merged.forEach(i -> extensions.add(new LinkedHashMap<>()));
        for (int w = 0; w < walks.size(); w++) {
            List<SentMessage> sequence = sequences.get(w);
            int at = 0;
            for (SentMessage m : sequence) {
                Item item = item(m);
                while (!merged.get(at).equals(item)) {
                    at++;
                }
                present[at]++;
                for (String e : FigureExtensions.of(m.sender(), m.message(), walks.get(w).facts())) {
                    extensions.get(at).merge(e, 1, Integer::sum);
                }
                at++;
            }
        }
        ProtocolVersion version = walks.get(0).facts().version();
        List<SequenceFigure.Entry> entries = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            Item item = merged.get(i);
            boolean optional = present[i] < walks.size() || item.message() == Message.APPLICATION_DATA;
            int count = present[i];
            List<String> marked = extensions.get(i).entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> FigureExtensions.rank(e.getKey())))
                    .map(e -> e.getKey() + (e.getValue() < count ? "*" : "")).toList();
            boolean endsFlight = i == merged.size() - 1 || merged.get(i + 1).sender() != item.sender();
            entries.add(new SequenceFigure.Entry(item.sender(), marked(item, optional, version), marked, endsFlight));
        }
        return new SequenceFigure.Section(heading, entries);
    }

    private static List<SentMessage> withHalfRtt(HandshakeWalk walk) {
        List<SentMessage> messages = new ArrayList<>(walk.messages());
        if (SERVER_HALF_RTT && walk.facts().version() == ProtocolVersion.TLS13) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).sender() == Role.SERVER && messages.get(i).message() == Message.FINISHED) {
                    messages.add(i + 1, new SentMessage(Role.SERVER, Message.APPLICATION_DATA, Epoch.APPLICATION));
                    break;
                }
            }
        }
        return messages;
    }

    /** Tells whether the server may write application data in a TLS 1.3 state before the handshake completes. */
    private static boolean halfRtt(MachineDefinition<?, ?> server) {
        return server.transitions().stream().map(t -> (Transition<?, ?>) t)
                .anyMatch(t -> t.input() == Input.APPLICATION_WRITE && t.from().region() == VersionRegion.TLS13
                        && !t.from().connected());
    }

    private static List<Item> items(List<SentMessage> sequence) {
        return sequence.stream().map(FigureMerge::item).toList();
    }

    private static Item item(SentMessage m) {
        Message message = m.message() == Message.CERTIFICATE_EMPTY ? Message.CERTIFICATE : m.message();
        return new Item(m.sender(), message, m.epoch());
    }

    /** Returns a shortest common supersequence of {@code a} and {@code b} (through their longest common subsequence). */
    private static List<Item> supersequence(List<Item> a, List<Item> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Item> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                merged.add(a.get(i++));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                merged.add(a.get(i++));
            } else {
                merged.add(b.get(j++));
            }
        }
        merged.addAll(a.subList(i, a.size()));
        merged.addAll(b.subList(j, b.size()));
        return merged;
    }

    /** Returns {@code {Certificate*}}: the name as the RFC figures write it, its star and its keys' marks. */
    private static String marked(Item item, boolean optional, ProtocolVersion version) {
        String name = (item.message() == Message.APPLICATION_DATA ? "Application Data" : item.message().label())
                + (optional ? "*" : "");
        if (version != ProtocolVersion.TLS13) {
            return item.message() == Message.CHANGE_CIPHER_SPEC ? "[" + name + "]" : name;
        }
        return switch (item.epoch()) {
            case EARLY -> "(" + name + ")";
            case HANDSHAKE -> "{" + name + "}";
            case APPLICATION -> "[" + name + "]";
            case PLAINTEXT, LOCAL -> name;
        };
    }
}
