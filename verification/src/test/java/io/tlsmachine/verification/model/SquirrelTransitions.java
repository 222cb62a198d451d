package io.tlsmachine.verification.model;

import io.tlsmachine.model.Event;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.StrictMachine;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerSteps;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.squirrelframework.foundation.fsm.ImmutableState;
import org.squirrelframework.foundation.fsm.ImmutableTransition;
import org.squirrelframework.foundation.fsm.StateMachine;

/**
 * Reads the transitions Squirrel Foundation actually holds for each machine (source, event, condition name,
 * target), from a live Squirrel machine, as 5-column rows {@code from input epoch guard to}.
 */
final class SquirrelTransitions {

    private SquirrelTransitions() {
    }

    static List<String> client() {
        return rows(ClientMachine.newStrictMachine(idle(ClientSteps.class), Negotiated.tls13()));
    }

    static List<String> server() {
        return rows(ServerMachine.newStrictMachine(idle(ServerSteps.class), Negotiated.tls13()));
    }

    private static List<String> rows(StrictMachine<?, ?> strict) {
        StateMachine<?, ?, ?, ?> fsm = squirrelOf(strict);
        List<String> rows = new ArrayList<>();
        for (ImmutableState<?, ?, ?, ?> state : fsm.getAllRawStates()) {
            for (ImmutableTransition<?, ?, ?, ?> t : state.getAllTransitions()) {
                Event event = (Event) t.getEvent();
                rows.add(String.join("\t", String.valueOf(t.getSourceState().getStateId()), event.input().name(),
                        event.epoch().name(), t.getCondition().name(), String.valueOf(t.getTargetState().getStateId())));
            }
        }
        return rows;
    }

    /** StrictMachine keeps its Squirrel machine private (the engine must not touch it); the test reads it. */
    private static StateMachine<?, ?, ?, ?> squirrelOf(StrictMachine<?, ?> strict) {
        try {
            Field field = StrictMachine.class.getDeclaredField("fsm");
            field.setAccessible(true);
            return (StateMachine<?, ?, ?, ?>) field.get(strict);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StrictMachine no longer holds its Squirrel machine in 'fsm'", e);
        }
    }

    private static <P> P idle(Class<P> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    throw new AssertionError("no step runs while reading the definition");
                }));
    }
}
