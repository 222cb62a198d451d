package io.tlsmachine.model.export.explorer;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.export.GuardLabels;
import io.tlsmachine.model.export.SequenceFigures;
import io.tlsmachine.model.export.SequenceFigures.HandshakeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the data blob of one machine's explorer page from the definitions: states, transitions (with their cited
 * RFC sections), rejection rows, the walker's handshake types with this machine's path, and the cited RFC texts.
 */
public final class ExplorerData {

    private ExplorerData() {
    }

    /** Returns the data of {@code definition}'s page as JSON, with {@code types} the walker's handshake types. */
    public static String json(MachineDefinition<?, ?> definition, List<HandshakeType> types) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", definition.role());
        data.put("initial", definition.initial().name());
        List<Object> states = new ArrayList<>();
        Map<String, Object> rejections = new LinkedHashMap<>();
        for (ModelState state : definition.states()) {
            states.add(Map.of("name", state.name(), "region", state.region().name(),
                    "terminal", state.terminal() ? "yes" : "no"));
            List<Object> row = new ArrayList<>();
            for (RejectionRows.Cell cell : RejectionRows.row(definition, state)) {
                row.add(List.of(cell.input().name(), cell.epoch().name(), cell.outcome()));
            }
            rejections.put(state.name(), row);
        }
        data.put("states", states);
        Set<RfcSections.Section> cited = new LinkedHashSet<>();
        List<Object> transitions = new ArrayList<>();
        for (Transition<?, ?> t : definition.transitions()) {
            List<RfcSections.Section> sections = RfcSections.parse(t.rfc());
            cited.addAll(sections);
            transitions.add(transition(t, sections));
        }
        data.put("transitions", transitions);
        data.put("rejections", rejections);
        data.put("handshakes", handshakes(definition, types));
        data.put("rfc", rfcTexts(cited));
        return Json.write(data);
    }

    private static Map<String, Object> transition(Transition<?, ?> t, List<RfcSections.Section> sections) {
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("from", t.from().name());
        edge.put("input", t.input().name());
        edge.put("epoch", t.epoch().label());
        edge.put("guard", t.guard().label());
        edge.put("guardShort", GuardLabels.shortLabel(t.guard()));
        edge.put("to", t.to().name());
        edge.put("outputs", t.outputs().stream().map(Output::label).toList());
        edge.put("rfc", sections.stream().map(s -> List.of(s.id(), s.label())).toList());
        return edge;
    }

    private static List<Object> handshakes(MachineDefinition<?, ?> definition, List<HandshakeType> types) {
        List<Object> list = new ArrayList<>();
        for (HandshakeType type : types) {
            HandshakeWalk walk = type.walks().get(0);
            List<? extends ModelState> path = definition.role().equals("client") ? walk.clientPath()
                    : walk.serverPath();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", type.name());
            entry.put("title", type.title());
            entry.put("version", walk.facts().version().name());
            entry.put("combinations", type.walks().size());
            entry.put("path", path.stream().map(ModelState::name).toList());
            entry.put("figure", type.figure().text());
            list.add(entry);
        }
        return list;
    }

    private static Map<String, Object> rfcTexts(Set<RfcSections.Section> cited) {
        Map<String, String> bundled = RfcSections.bundled();
        Map<String, Object> texts = new LinkedHashMap<>();
        for (RfcSections.Section s : cited) {
            String text = bundled.get(s.id());
            texts.put(s.id(), List.of(s.label(), text != null ? text : "This section is not bundled (the RFC's text "
                    + "is not under specs/rfc); read it at https://www.rfc-editor.org/rfc/rfc" + s.rfc()
                    + "#section-" + s.number()));
        }
        return texts;
    }

    /** Returns every section the transitions of {@code definitions} cite, in first-citation order. */
    public static Set<RfcSections.Section> citedSections(List<MachineDefinition<?, ?>> definitions) {
        Set<RfcSections.Section> cited = new LinkedHashSet<>();
        definitions.forEach(d -> d.transitions().forEach(t -> cited.addAll(RfcSections.parse(t.rfc()))));
        return cited;
    }
}
