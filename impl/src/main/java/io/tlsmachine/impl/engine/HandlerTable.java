package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.handshake.Decision;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Step;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps every transition of one machine to the one handler that runs its step, built and checked once at class load.
 *
 * <p>Each handler is registered once, for a step and a version region (or all regions), with the type of what it
 * consumes: {@code tls13.onMessage(PROCESS_SERVER_HELLO, ServerHello.class, Tls13ClientSteps::processServerHello)}.
 * The region of a transition is the region of its target state, or of its source when the target is common (so the
 * TLS 1.3 ServerHello edge, WAIT_SH → WAIT_EE, is TLS 1.3's): the model's choice of transition picks the version's
 * code, and nothing dispatches on the version again. {@link Builder#build} refuses a table in which a transition has
 * no handler or two, a handler serves no transition, or a handler's type is not what the transition's input carries.
 *
 * <p>Why handlers are resolved here rather than passed through the model: the model knows no codecs and no
 * handler results; the engine takes the transition ({@code MachineRunner.take}), then calls this table's handler with
 * the decoded message and gets the handler's facts or {@link Decision} back as a return value, with no slot in
 * between and no object made per record.
 *
 * @param <C> the connection's handshake object, from which each region's port is reached
 */
final class HandlerTable<S extends Enum<S> & ModelState, P, C> {

    private final Handler<C>[][] byStepAndRegion;

    private HandlerTable(Handler<C>[][] byStepAndRegion) {
        this.byStepAndRegion = byStepAndRegion;
    }

    /** Returns the handler of {@code transition}; allocation-free. */
    Handler<C> handlerOf(Transition<S, P> transition) {
        return byStepAndRegion[transition.step().ordinal()][regionOf(transition).ordinal()];
    }

    /** The version region a transition belongs to: its target's, or its source's when the target is common. */
    static VersionRegion regionOf(Transition<?, ?> transition) {
        VersionRegion to = transition.to().region();
        return to != VersionRegion.COMMON ? to : transition.from().region();
    }

    /** Starts a table for {@code definition}. */
    static <S extends Enum<S> & ModelState, P, C> Builder<S, P, C> builder(MachineDefinition<S, P> definition) {
        return new Builder<>(definition);
    }

    /** A step without argument. */
    @FunctionalInterface
    interface Plain<Q, R> {
        R apply(Q port, Negotiated facts);
    }

    /** A step that consumes a record, an alert or a write. */
    @FunctionalInterface
    interface WithArgument<Q, A, R> {
        R apply(Q port, Negotiated facts, A argument);
    }

    /** A step that consumes a handshake message, with its exact bytes for the transcript. */
    @FunctionalInterface
    interface WithMessage<Q, M, R> {
        R apply(Q port, Negotiated facts, M message, byte[] encoded);
    }

    /** One registered handler: what it consumes, whether it decides, and how to call it on a connection. */
    static final class Handler<C> {

        private final Step<?> step;
        private final VersionRegion region;
        private final Class<?> type;
        private final boolean decides;
        private final Invoker<C> invoker;

        private Handler(Step<?> step, VersionRegion region, Class<?> type, boolean decides, Invoker<C> invoker) {
            this.step = Objects.requireNonNull(step, "step");
            this.region = region;
            this.type = Objects.requireNonNull(type, "type");
            this.decides = decides;
            this.invoker = invoker;
        }

        /** Whether {@link #run} returns a {@link Decision} rather than the facts. */
        boolean decides() {
            return decides;
        }

        /** Runs the step; returns the facts, or a {@link Decision} when {@link #decides}. */
        Object run(C connection, Negotiated facts, Object argument, byte[] encoded) {
            return invoker.run(connection, facts, argument, encoded);
        }

        private boolean serves(Step<?> s, VersionRegion r) {
            return step == s && (region == null || region == r);
        }

        private String describe() {
            return step.name() + (region == null ? "" : "@" + region) + "(" + type.getSimpleName() + ")";
        }
    }

    /** Collects the handlers of one machine, then checks them against every transition. */
    static final class Builder<S extends Enum<S> & ModelState, P, C> {

        private final MachineDefinition<S, P> definition;
        private final List<Handler<C>> handlers = new ArrayList<>();

        private Builder(MachineDefinition<S, P> definition) {
            this.definition = definition;
        }

        /** Registers handlers on the port {@code port} reaches, for the transitions of {@code region}. */
        <Q> Region<C, Q> port(VersionRegion region, Function<C, Q> port) {
            return new Region<>(this, Objects.requireNonNull(region, "region"), port);
        }

        /** Registers handlers on the port {@code port} reaches, for the transitions of every region. */
        <Q> Region<C, Q> anyRegion(Function<C, Q> port) {
            return new Region<>(this, null, port);
        }

        private void add(Handler<C> handler) {
            for (Handler<C> existing : handlers) {
                if (existing.step == handler.step && existing.region == handler.region) {
                    throw new IllegalStateException("two handlers for " + handler.describe() + ": " + existing.describe()
                            + " is registered already");
                }
            }
            handlers.add(handler);
        }

        /**
         * Builds the table after checking that every transition has exactly one handler and that the handler takes
         * what the transition's input carries ({@code argumentType} of its input in its region).
         *
         * @throws IllegalStateException naming the first transition or handler that breaks the rule
         */
        @SuppressWarnings("unchecked")
        HandlerTable<S, P, C> build(BiFunction<Input, VersionRegion, Class<?>> argumentType) {
            int steps = 0;
            for (Transition<S, P> t : definition.transitions()) {
                steps = Math.max(steps, t.step().ordinal() + 1);
            }
            Handler<C>[][] table = new Handler[steps][VersionRegion.values().length];
            List<Handler<C>> used = new ArrayList<>();
            for (Transition<S, P> t : definition.transitions()) {
                VersionRegion region = regionOf(t);
                List<Handler<C>> serving = handlers.stream().filter(h -> h.serves(t.step(), region)).toList();
                String edge = definition.role() + " " + t.from() + " --" + t.label() + "--> " + t.to() + " (step "
                        + t.step().name() + ", region " + region + ")";
                if (serving.isEmpty()) {
                    throw new IllegalStateException("no handler for " + edge);
                }
                if (serving.size() > 1) {
                    throw new IllegalStateException("two handlers for " + edge + ": " + serving.get(0).describe()
                            + " and " + serving.get(1).describe());
                }
                Handler<C> handler = serving.get(0);
                Class<?> carried = argumentType.apply(t.input(), region);
                if (!handler.type.isAssignableFrom(carried)) {
                    throw new IllegalStateException("handler " + handler.describe() + " cannot take what " + t.input()
                            + " carries (" + carried.getSimpleName() + ") on " + edge);
                }
                table[t.step().ordinal()][region.ordinal()] = handler;
                used.add(handler);
            }
            for (Handler<C> handler : handlers) {
                if (!used.contains(handler)) {
                    throw new IllegalStateException("handler " + handler.describe() + " serves no transition of the "
                            + definition.role() + " machine");
                }
            }
            return new HandlerTable<>(table);
        }
    }

    /** Registers the handlers of one port, for one region or all. */
    static final class Region<C, Q> {

        private final Builder<?, ?, C> builder;
        private final VersionRegion region;
        private final Function<C, Q> port;

        private Region(Builder<?, ?, C> builder, VersionRegion region, Function<C, Q> port) {
            this.builder = builder;
            this.region = region;
            this.port = Objects.requireNonNull(port, "port");
        }

        /** Registers a step that consumes nothing (whatever its input carries). */
        Region<C, Q> on(Step<?> step, Plain<Q, Negotiated> handler) {
            return register(step, Object.class, false, (c, facts, argument, encoded) -> handler.apply(port.apply(c), facts));
        }

        /** Registers a deciding step that consumes nothing. */
        Region<C, Q> decide(Step<?> step, Plain<Q, Decision> handler) {
            return register(step, Object.class, true, (c, facts, argument, encoded) -> handler.apply(port.apply(c), facts));
        }

        /** Registers a step that consumes a record, alert or write of {@code type}. */
        <A> Region<C, Q> on(Step<?> step, Class<A> type, WithArgument<Q, A, Negotiated> handler) {
            return register(step, type, false, (c, facts, argument, encoded) -> handler.apply(port.apply(c), facts, cast(argument)));
        }

        /** Registers a step that consumes a handshake message of {@code type} and its bytes. */
        <M> Region<C, Q> onMessage(Step<?> step, Class<M> type, WithMessage<Q, M, Negotiated> handler) {
            return register(step, type, false,
                    (c, facts, argument, encoded) -> handler.apply(port.apply(c), facts, cast(argument), encoded));
        }

        /** Registers a deciding step that consumes a handshake message of {@code type} and its bytes. */
        <M> Region<C, Q> decideOnMessage(Step<?> step, Class<M> type, WithMessage<Q, M, Decision> handler) {
            return register(step, type, true,
                    (c, facts, argument, encoded) -> handler.apply(port.apply(c), facts, cast(argument), encoded));
        }

        /** Returns the builder, to register another port's handlers or build. */
        Builder<?, ?, C> done() {
            return builder;
        }

        private Region<C, Q> register(Step<?> step, Class<?> type, boolean decides, Invoker<C> invoker) {
            builder.add(new Handler<>(step, region, type, decides, invoker));
            return this;
        }

        /** The build check proved the argument is of the handler's type; the compiler cannot. */
        @SuppressWarnings("unchecked")
        private static <T> T cast(Object argument) {
            return (T) argument;
        }
    }

    @FunctionalInterface
    private interface Invoker<C> {
        Object run(C connection, Negotiated facts, Object argument, byte[] encoded);
    }
}
