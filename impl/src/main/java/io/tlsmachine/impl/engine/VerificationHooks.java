package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.model.MachineDefinition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Verification hook: a static registry of listener factories that every {@link TlsEngine} consults once, when it
 * is constructed, so a test suite can watch every engine it creates (e.g. hold each trace to the model). Production
 * code never installs a factory; with none installed an engine gets no extra listener.
 */
public final class VerificationHooks {

    /** Makes the listener that watches one new engine. */
    @FunctionalInterface
    public interface ListenerFactory {
        TransitionListener listenerFor(Role role, MachineDefinition<?, ?> definition);
    }

    private static final List<ListenerFactory> FACTORIES = new CopyOnWriteArrayList<>();

    private VerificationHooks() {
    }

    /** Installs {@code factory} for every engine constructed from now on (installing it twice has no effect). */
    public static void install(ListenerFactory factory) {
        if (!FACTORIES.contains(factory)) {
            FACTORIES.add(factory);
        }
    }

    /** Removes {@code factory}; engines already constructed keep their listeners. */
    public static void uninstall(ListenerFactory factory) {
        FACTORIES.remove(factory);
    }

    static List<TransitionListener> listenersFor(Role role, MachineDefinition<?, ?> definition) {
        if (FACTORIES.isEmpty()) {
            return List.of();
        }
        return FACTORIES.stream().map(f -> f.listenerFor(role, definition)).toList();
    }
}
