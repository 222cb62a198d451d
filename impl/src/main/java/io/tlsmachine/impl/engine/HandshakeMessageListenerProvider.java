package io.tlsmachine.impl.engine;

import io.tlsmachine.model.MachineDefinition;
import java.util.Optional;

/**
 * Gives new engines a {@link HandshakeMessageListener}: an internal service (the testkit's own-output check provides
 * one through META-INF/services), found with {@link java.util.ServiceLoader} like the public
 * {@link io.tlsmachine.TransitionListenerProvider}, but outside the API because it sees wire bytes and decode
 * contexts, which the public package does not name.
 */
public interface HandshakeMessageListenerProvider {

    /**
     * Returns a listener to every handshake message of a new engine running {@code definition}, or empty. Called once
     * per engine, on the thread that constructs it.
     */
    Optional<HandshakeMessageListener> messageListenerFor(MachineDefinition<?, ?> definition);
}
