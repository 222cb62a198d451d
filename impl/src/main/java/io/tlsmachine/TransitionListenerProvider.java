package io.tlsmachine;

import io.tlsmachine.model.MachineDefinition;
import java.util.Optional;

/**
 * Supplies a transition listener (and, optionally, a handshake message listener) to every engine constructed in this
 * JVM: a service provider that
 * {@link java.util.ServiceLoader} finds through {@code META-INF/services/io.tlsmachine.TransitionListenerProvider}
 * (or a module's {@code provides}). The library ships none, so a production engine gets no listener it was not
 * given; the testkit registers one that holds every engine of a test suite to the model.
 */
public interface TransitionListenerProvider {

    /**
     * {@return the listener for a new engine running {@code definition}, or empty to leave it alone} Called once
     * per engine, on the thread that constructs it.
     * @param definition the machine the engine runs
     */
    Optional<TransitionListener> listenerFor(MachineDefinition<?, ?> definition);

}
