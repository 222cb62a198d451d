package io.tlsmachine.jsse;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tlsmachine JSSE provider: {@code SSLContext} {@code TLS}, {@code TLSv1.3}, {@code TLSv1.2} and {@code Default}
 * over the model-driven engine, e.g. {@code SSLContext.getInstance("TLS", new TlsMachineProvider())}. Also found
 * through {@code ServiceLoader} ({@code META-INF/services/java.security.Provider}).
 */
public final class TlsMachineProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name, as {@code SSLContext.getInstance("TLS", "TlsMachine")} takes it once installed. */
    public static final String NAME = "TlsMachine";

    /** Creates the provider with its four SSLContext services. */
    public TlsMachineProvider() {
        super(NAME, "0.1", "tlsmachine: TLS 1.3 and 1.2 driven by model-checked state machines");
        context("TLS", List.of(), () -> new TlsMachineContextSpi(JsseProtocols.TLS13_AND_TLS12));
        context("TLSv1.3", List.of(), () -> new TlsMachineContextSpi(JsseProtocols.TLS13_AND_TLS12));
        context("TLSv1.2", List.of(), () -> new TlsMachineContextSpi(JsseProtocols.TLS12_ONLY));
        context("Default", List.of(), TlsMachineContextSpi::initializedDefault);
    }

    private void context(String algorithm, List<String> aliases, Supplier<Object> spi) {
        putService(new ContextService(this, algorithm, aliases, spi));
    }

    /** An SSLContext service that creates its SPI directly rather than by reflection. */
    private static final class ContextService extends Service {
        private final transient Supplier<Object> spi;

        ContextService(Provider provider, String algorithm, List<String> aliases, Supplier<Object> spi) {
            super(provider, "SSLContext", algorithm, TlsMachineContextSpi.class.getName(), aliases, Map.of());
            this.spi = spi;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return spi.get();
        }
    }
}
