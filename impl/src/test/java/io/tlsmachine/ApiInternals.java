package io.tlsmachine;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.handshake.ConfigInternals;
import io.tlsmachine.impl.session.TicketCache;
import java.util.function.Function;

/**
 * Gives tests what the API keeps package-private: a configuration's internals, a crypto provider of the test's own,
 * the tickets inside a {@link TicketStore} (test code only; applications reach none of these).
 */
public final class ApiInternals {

    private ApiInternals() {}

    /** Reads a configuration's internals, as {@link TlsEngine} hands it to the handshake. */
    public static Function<TlsConfig, ConfigInternals> internals() {
        return TlsConfig::internals;
    }

    /** The crypto provider {@code config} uses. */
    public static CryptoProvider crypto(TlsConfig config) {
        return config.internals().crypto();
    }

    /** Makes {@code builder} use {@code provider} itself (e.g. one that records the keys it makes). */
    public static TlsConfigBuilder cryptoProvider(TlsConfigBuilder builder, CryptoProvider provider) {
        return builder.cryptoProvider(provider);
    }

    /** The tickets {@code store} holds, to take one out or put one back. */
    public static TicketCache tickets(TicketStore store) {
        return store.tickets();
    }
}
