package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.List;

/**
 * Exports a machine as W3C SCXML: a {@code <state>} (or {@code <final>}) per state, a {@code <transition>} per
 * transition with {@code event="INPUT.epoch"}, {@code cond} the guard name, and a {@code <send>} per output
 * (optional ones inside {@code <if cond>}); region, read epoch and RFC reference are kept as {@code tlsm:} attributes.
 */
public final class ScxmlExporter {

    private ScxmlExporter() {
    }

    /** Returns the SCXML text for the states and transitions in {@code scope}; deterministic. */
    public static String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" xmlns:tlsm=\"urn:tlsmachine:model\" version=\"1.0\"")
                .append(" name=\"").append(definition.role()).append("\" initial=\"").append(definition.initial().name())
                .append("\">\n");
        List<Transition<?, ?>> transitions = DiagramEdges.transitions(definition, scope);
        for (ModelState s : DiagramEdges.states(definition, scope)) {
            String element = s.terminal() ? "final" : "state";
            out.append("  <").append(element).append(" id=\"").append(s.name()).append("\" tlsm:region=\"")
                    .append(s.region().name()).append("\" tlsm:readEpoch=\"").append(s.readEpoch().name()).append('"');
            List<Transition<?, ?>> leaving = transitions.stream().filter(t -> t.from() == s).toList();
            if (leaving.isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (Transition<?, ?> t : leaving) {
                appendTransition(out, t);
            }
            out.append("  </").append(element).append(">\n");
        }
        out.append("</scxml>\n");
        return out.toString();
    }

    private static void appendTransition(StringBuilder out, Transition<?, ?> t) {
        out.append("    <transition event=\"").append(t.input().name()).append('.').append(t.epoch().label())
                .append("\" cond=\"").append(t.guard().label()).append("\" target=\"").append(t.to().name())
                .append("\" tlsm:step=\"").append(t.step().name()).append("\" tlsm:rfc=\"").append(xml(t.rfc())).append('"');
        if (t.outputs().isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        for (Output o : t.outputs()) {
            String send = "<send event=\"" + o.message().name() + "." + o.epoch().label() + "\" target=\"#_peer\"/>";
            if (o.guard() == io.tlsmachine.model.Guard.ALWAYS) {
                out.append("      ").append(send).append('\n');
            } else {
                out.append("      <if cond=\"").append(o.guard().label()).append("\">").append(send).append("</if>\n");
            }
        }
        out.append("    </transition>\n");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
