package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Step;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerSteps;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the hand-written spec tables into machine definitions (with steps that do nothing), so that every check
 * that runs on the model also runs on the RFC transcription itself.
 */
public final class SpecDefinitions {

    private SpecDefinitions() {
    }

    /** Reads both tables from {@code specs/machines/} under {@code specsMachines}. */
    public static Machines read(Path specsMachines) {
        return new Machines(
                definition("client", ClientState.class, ClientSteps.class, ClientState.START,
                        SpecTable.read(specsMachines.resolve("client.tsv"))),
                definition("server", ServerState.class, ServerSteps.class, ServerState.START,
                        SpecTable.read(specsMachines.resolve("server.tsv"))));
    }

    /** Builds a definition from a table; fails with the offending row on an unknown name. */
    public static <S extends Enum<S> & ModelState, P> MachineDefinition<S, P> definition(String role, Class<S> states,
            Class<P> steps, S initial, SpecTable table) {
        Step<P> noStep = new Step<>() {
            @Override
            public Negotiated apply(P port, Negotiated facts) {
                return facts;
            }

            @Override
            public String name() {
                return "SPEC_ROW";
            }

            @Override
            public int ordinal() {
                return 0;
            }
        };
        List<Transition<S, P>> transitions = table.rows().stream().map(r -> {
            try {
                return new Transition<>(Enum.valueOf(states, r.from()), Input.valueOf(r.input()), Epoch.valueOf(r.epoch()),
                        guard(r.guard()), Enum.valueOf(states, r.to()), noStep,
                        r.outputs().stream().map(SpecDefinitions::output).toList(), r.rfc());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(role + " spec row " + r.toTsv() + ": " + e.getMessage(), e);
            }
        }).toList();
        return new MachineDefinition<>(role, states, steps, initial, transitions);
    }

    /** Parses {@code Message@epoch} or {@code Message@epoch[guard]}. */
    static Output output(String label) {
        int at = label.lastIndexOf('@');
        int bracket = label.indexOf('[', at);
        if (at < 0) {
            throw new IllegalArgumentException("output without @epoch: " + label);
        }
        String message = label.substring(0, at);
        String epoch = bracket < 0 ? label.substring(at + 1) : label.substring(at + 1, bracket);
        Guard guard = bracket < 0 ? Guard.ALWAYS : guard(label.substring(bracket + 1, label.length() - 1));
        Message m = Arrays.stream(Message.values()).filter(x -> x.label().equals(message)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown message " + message));
        return new Output(m, Epoch.valueOf(epoch.toUpperCase(Locale.ROOT)), guard);
    }

    static Guard guard(String label) {
        return Arrays.stream(Guard.values()).filter(g -> g.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown guard " + label));
    }
}
