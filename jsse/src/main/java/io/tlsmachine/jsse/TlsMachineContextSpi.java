package io.tlsmachine.jsse;

import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * The SSLContext behind {@link TlsMachineProvider}: keeps the key and trust managers from {@code init} and creates
 * {@link TlsMachineEngine}s that use them.
 */
final class TlsMachineContextSpi extends SSLContextSpi {
    private final List<String> defaultProtocols;
    private final boolean initializedOnCreation;
    private EngineSetup setup;

    TlsMachineContextSpi(List<String> defaultProtocols) {
        this(defaultProtocols, false);
    }

    private TlsMachineContextSpi(List<String> defaultProtocols, boolean initializedOnCreation) {
        this.defaultProtocols = defaultProtocols;
        this.initializedOnCreation = initializedOnCreation;
    }

    /** The "Default" context: initialized with the JDK's default trust managers and no key manager. */
    static TlsMachineContextSpi initializedDefault() {
        TlsMachineContextSpi spi = new TlsMachineContextSpi(JsseProtocols.TLS13_AND_TLS12, true);
        spi.setup = new EngineSetup(new Managers(null, defaultTrustManager(), new SecureRandom()));
        return spi;
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        if (initializedOnCreation) {
            throw new KeyManagementException("the Default SSLContext is initialized automatically");
        }
        X509TrustManager trust = first(trustManagers, X509TrustManager.class);
        try {
            setup = new EngineSetup(new Managers(first(keyManagers, X509ExtendedKeyManager.class),
                    trust != null ? trust : defaultTrustManager(), random != null ? random : new SecureRandom()));
        } catch (IllegalArgumentException badNamedGroups) {
            throw new KeyManagementException(badNamedGroups.getMessage(), badNamedGroups);
        }
    }

    private static <T> T first(Object[] managers, Class<T> type) {
        if (managers == null) {
            return null;
        }
        for (Object manager : managers) {
            if (type.isInstance(manager)) {
                return type.cast(manager);
            }
        }
        return null;
    }

    private static X509TrustManager defaultTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager trust = first(factory.getTrustManagers(), X509TrustManager.class);
            if (trust == null) {
                throw new IllegalStateException("the default TrustManagerFactory has no X509TrustManager");
            }
            return trust;
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("the JDK's default trust managers are not available", e);
        }
    }

    private EngineSetup setup() {
        if (setup == null) {
            throw new IllegalStateException("SSLContext is not initialized: call init first");
        }
        return setup;
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return newEngine(null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return newEngine(host, port);
    }

    private TlsMachineEngine newEngine(String host, int port) {
        return new TlsMachineEngine(setup(), defaultProtocols, host, port);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        setup();
        return new TlsMachineSocketFactory(this::newEngine);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        setup();
        return new TlsMachineServerSocketFactory(this::newEngine);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return setup().serverSessions();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return setup().clientSessions();
    }
}
