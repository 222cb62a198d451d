package io.tlsmachine.impl.engine;

import io.tlsmachine.TransitionListener;
import io.tlsmachine.TransitionListenerProvider;
import io.tlsmachine.model.MachineDefinition;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link TransitionListenerProvider}s and {@link HandshakeMessageListenerProvider}s on the class or module path, looked up once per JVM. */
public final class ProvidedListeners {

    private static final List<TransitionListenerProvider> PROVIDERS = ServiceLoader
            .load(TransitionListenerProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    private static final List<HandshakeMessageListenerProvider> MESSAGE_PROVIDERS = ServiceLoader
            .load(HandshakeMessageListenerProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    private ProvidedListeners() {
    }

    /** Returns the listeners the providers give an engine running {@code definition} (none in production). */
    public static List<TransitionListener> listenersFor(MachineDefinition<?, ?> definition) {
        if (PROVIDERS.isEmpty()) {
            return List.of();
        }
        return PROVIDERS.stream().map(p -> p.listenerFor(definition)).flatMap(Optional::stream).toList();
    }

    /** Returns the handshake message listeners the providers give an engine running {@code definition}. */
    public static List<HandshakeMessageListener> messageListenersFor(MachineDefinition<?, ?> definition) {
        if (MESSAGE_PROVIDERS.isEmpty()) {
            return List.of();
        }
        return MESSAGE_PROVIDERS.stream().map(p -> p.messageListenerFor(definition)).flatMap(Optional::stream).toList();
    }
}
