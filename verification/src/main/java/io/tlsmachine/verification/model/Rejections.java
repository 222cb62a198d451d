package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.UnexpectedMessage;
import io.tlsmachine.model.export.explorer.RejectionRows;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * Builds the rejection matrix (every state × input × epoch of a machine and its outcome) and checks that the one
 * table lookup, {@code CompiledMachine.step}, raises {@link UnexpectedMessage} exactly where no guard holds.
 */
public final class Rejections {

    /** The header line of {@code specs/rejection-matrix.tsv}. */
    public static final String HEADER = "role\tstate\tinput\tepoch\toutcome";

    private Rejections() {
    }

    /** Returns the epochs an input can arrive under: LOCAL for local inputs, the four record epochs otherwise. */
    public static List<Epoch> epochsOf(Input input) {
        return RejectionRows.epochsOf(input);
    }

    /**
     * Returns one TSV line per (state, input, epoch): the outcome is {@code unexpected_message} or the accepting
     * edges as {@code guard -> TARGET} separated by {@code " | "}, in declaration order.
     */
    public static List<String> matrix(MachineDefinition<?, ?> definition) {
        List<String> lines = new ArrayList<>();
        for (ModelState state : definition.states()) {
            for (RejectionRows.Cell cell : RejectionRows.row(definition, state)) {
                lines.add(String.join("\t", definition.role(), state.name(), cell.input().name(),
                        cell.epoch().name(), cell.outcome()));
            }
        }
        return lines;
    }

    private static final List<Negotiated> REPRESENTATIVES = representatives();

    /**
     * Returns one facts combination per distinct valuation of all guards: the lookup reads facts only through guards
     * (and regions, which the version guards decide), so these cover every case of {@link Negotiated#all()}.
     */
    static List<Negotiated> representatives() {
        Map<BitSet, Negotiated> byValuation = new LinkedHashMap<>();
        for (Negotiated facts : Negotiated.all()) {
            BitSet valuation = new BitSet();
            for (Guard g : Guard.values()) {
                valuation.set(g.ordinal(), g.test(facts));
            }
            byValuation.putIfAbsent(valuation, facts);
        }
        return List.copyOf(byValuation.values());
    }

    /**
     * Checks every (state, input, epoch, admitted facts) case (facts up to guard valuation) against the compiled lookup: it must throw
     * {@link UnexpectedMessage} (naming the same state, input and epoch) when no declared guard holds, and return the
     * declared edge whose guard holds otherwise. Returns one line per disagreement.
     */
    public static <S extends Enum<S> & ModelState, P> List<String> lookupViolations(MachineDefinition<S, P> definition) {
        List<String> violations = new ArrayList<>();
        for (S state : definition.states()) {
            for (Input input : Input.values()) {
                for (Epoch epoch : epochsOf(input)) {
                    List<Transition<S, P>> declared = definition.transitionsOf(state, input, epoch);
                    // An undeclared case is rejected whatever the facts: two admitted facts suffice there.
                    List<Negotiated> factsToTry = REPRESENTATIVES.stream().filter(state.region()::admits).toList();
                    if (declared.isEmpty() && factsToTry.size() > 2) {
                        factsToTry = List.of(factsToTry.get(0), factsToTry.get(factsToTry.size() - 1));
                    }
                    for (Negotiated facts : factsToTry) {
                        List<Transition<S, P>> enabled = declared.stream().filter(t -> t.guard().test(facts)).toList();
                        String where = definition.role() + " " + state.name() + " " + input + "@" + epoch.label();
                        try {
                            Transition<S, P> taken = definition.compiled().step(state, input, epoch, facts);
                            if (enabled.size() != 1 || taken != enabled.get(0)) {
                                violations.add(where + ": lookup took " + PathSearch.describe(taken) + " but "
                                        + enabled.size() + " declared guards hold");
                            }
                        } catch (UnexpectedMessage e) {
                            if (!enabled.isEmpty()) {
                                violations.add(where + ": unexpected_message although a declared guard holds");
                            } else if (e.state() != state || e.input() != input || e.epoch() != epoch) {
                                violations.add(where + ": unexpected_message names the wrong case: " + e.getMessage());
                            }
                        }
                        if (violations.size() >= 20) {
                            return violations;
                        }
                    }
                }
            }
        }
        return violations;
    }
}
