package io.tlsmachine;

import io.tlsmachine.impl.engine.HandshakeMessageListener;
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
     * Returns the listener for a new engine running {@code definition}, or empty to leave it alone. Called once
     * per engine, on the thread that constructs it.
     */
    Optional<TransitionListener> listenerFor(MachineDefinition<?, ?> definition);

    /**
     * Returns a listener to every handshake message of a new engine running {@code definition}, or empty (the
     * default). Called once per engine, on the thread that constructs it.
     */
    default Optional<HandshakeMessageListener> messageListenerFor(MachineDefinition<?, ?> definition) {
        return Optional.empty();
    }
}
