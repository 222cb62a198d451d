package io.tlsmachine.model;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.squirrelframework.foundation.fsm.ImmutableState;
import org.squirrelframework.foundation.fsm.ImmutableTransition;
import org.squirrelframework.foundation.fsm.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.StateMachineConfiguration;

/**
 * Builds, once, the Squirrel Foundation declaration of a {@link MachineDefinition} (typed conditions and
 * actions only) and creates {@link StrictMachine}s from it. The constructor warms the builder, because
 * Squirrel's lazy initialisation is not thread-safe.
 */
public final class SquirrelDefinition<S extends Enum<S> & ModelState, P> {

    private final MachineDefinition<S, P> definition;
    private final StateMachineBuilder<SquirrelFsm<S, P>, S, Event, FireContext<S, P>> builder;
    private final StateMachineConfiguration configuration =
            StateMachineConfiguration.create().enableAutoStart(true).enableDebugMode(false);

    /** Declares every transition of {@code definition} to Squirrel, then warms the result. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SquirrelDefinition(MachineDefinition<S, P> definition) {
        this.definition = definition;
        this.builder = StateMachineBuilderFactory.create((Class) SquirrelFsm.class, definition.stateType(), Event.class,
                (Class) FireContext.class);
        for (S state : definition.states()) {
            builder.defineState(state);
        }
        for (Transition<S, P> t : definition.transitions()) {
            builder.externalTransition().from(t.from()).to(t.to()).on(Event.of(t.input(), t.epoch()))
                    .when(new GuardCondition<>(t.guard())).perform(new StepAction<>(t));
        }
        warm();
    }

    private void warm() {
        P idle = idlePort(definition.stepsType());
        for (Transition<S, P> t : definition.transitionsFrom(definition.initial())) {
            Negotiated facts = Negotiated.all().stream().filter(t.guard()::test).findFirst().orElseThrow();
            newMachine(definition.initial(), idle, facts).fire(t.input(), t.epoch());
        }
        try {
            newMachine(definition.initial(), idle, Negotiated.tls13()).fire(Input.ALERT_FATAL, Epoch.LOCAL);
        } catch (UnexpectedMessage expected) {
            // The declined path is now initialised too.
        }
    }

    private static <P> P idlePort(Class<P> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getReturnType() == Negotiated.class ? args[0] : null));
    }

    /** Returns the definition this machine was declared from. */
    public MachineDefinition<S, P> definition() {
        return definition;
    }

    /** Creates a strict machine in the initial state. */
    public StrictMachine<S, P> newMachine(P port, Negotiated facts) {
        return newMachine(definition.initial(), port, facts);
    }

    /** Creates a strict machine in the initial state whose caller runs the steps ({@link StrictMachine#take} only). */
    public StrictMachine<S, P> newTakingMachine(Negotiated facts) {
        return newMachine(definition.initial(), null, facts);
    }

    /** Creates a strict machine in {@code state} (tests and model checks start anywhere). */
    public StrictMachine<S, P> newMachine(S state, P port, Negotiated facts) {
        SquirrelFsm<S, P> fsm = builder.newStateMachine(state, configuration);
        FireContext<S, P> context = new FireContext<>(port, facts);
        fsm.start(context);
        return new StrictMachine<>(fsm, context, Enum.valueOf(definition.stateType(), "FAILED"));
    }

    /**
     * Reads back, from a fresh live Squirrel machine, every transition Squirrel holds (sorted by source, then row),
     * so that a test can compare Squirrel's own view with the spec tables.
     */
    public List<SquirrelEdge<S>> squirrelEdges() {
        SquirrelFsm<S, P> fsm = builder.newStateMachine(definition.initial(), configuration);
        List<SquirrelEdge<S>> edges = new ArrayList<>();
        for (ImmutableState<SquirrelFsm<S, P>, S, Event, FireContext<S, P>> state : fsm.getAllRawStates()) {
            for (ImmutableTransition<SquirrelFsm<S, P>, S, Event, FireContext<S, P>> t : state.getAllTransitions()) {
                Event event = t.getEvent();
                edges.add(new SquirrelEdge<>(t.getSourceState().getStateId(), event.input(), event.epoch(),
                        t.getCondition().name(), t.getTargetState().getStateId()));
            }
        }
        edges.sort(Comparator.<SquirrelEdge<S>>comparingInt(e -> e.from().ordinal()).thenComparing(SquirrelEdge::row));
        return List.copyOf(edges);
    }
}
