package io.tlsmachine.bench.handshake;

import io.tlsmachine.testkit.TestPki;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;

/**
 * Makes the SSLEngines of one JSSE stack (SunJSSE, BCJSSE, or our provider) from a client and a server SSLContext
 * built once. A client without a peer host looks up no cached session, so every handshake is full unless
 * {@code resumable}; our provider's client then gets the server's name as an SNI parameter instead (it needs a
 * name). Groups: SunJSSE takes {@code -Djdk.tls.namedGroups} (x25519 and secp256r1 in every fork; Java 17's SunJSSE
 * has no X25519MLKEM768); BCJSSE for the hybrid gets it in its contexts' groups and in each engine's
 * {@code BCSSLParameters}; our provider reads {@code jdk.tls.namedGroups} when its contexts are initialised (Java 17's
 * SSLParameters has no groups), set to the group asked for: {@link HandshakeProof} checks it was negotiated.
 */
final class JsseEngines implements EngineSource {

    private static final String NAMED_GROUPS = "jdk.tls.namedGroups";

    private final Stack stack;
    private final boolean resumable;
    private final BenchGroup group;
    private final SSLContext clientContext;
    private final SSLContext serverContext;

    JsseEngines(Stack stack, TestPki.Hierarchy pki, BenchGroup group, boolean resumable) {
        if (group.hybrid() && stack == Stack.SUNJSSE) {
            throw new IllegalArgumentException("SunJSSE on Java 17 has no " + group + " (JEP 527 adds it in JDK 27)");
        }
        this.stack = stack;
        this.resumable = resumable;
        this.group = group;
        String previous = setNamedGroups(namedGroups(stack, group));
        try {
            clientContext = context(null, pki);
            serverContext = context(pki, null);
        } finally {
            restoreNamedGroups(previous);
        }
    }

    /**
     * The {@code jdk.tls.namedGroups} a stack's contexts are initialised with, or null for the JVM's (x25519,
     * secp256r1): BCJSSE for the hybrid lists it first (each engine then picks, see {@link #bcGroups}); our provider
     * reads the property when a context is initialised and shares the first group it lists (secp256r1 listed as for
     * the others: the certificate's curve).
     */
    static String namedGroups(Stack stack, BenchGroup group) {
        if (stack == Stack.TLSMACHINE_JSSE) {
            return group.jsseName + ",secp256r1";
        }
        return group.hybrid() && stack == Stack.BCJSSE ? group.jsseName + ",x25519,secp256r1" : null;
    }

    /** Sets {@code jdk.tls.namedGroups} to {@code value} unless null; returns the value to restore. */
    static String setNamedGroups(String value) {
        String previous = System.getProperty(NAMED_GROUPS);
        if (value != null) {
            System.setProperty(NAMED_GROUPS, value);
        }
        return previous;
    }

    /** Puts back what {@link #setNamedGroups} returned. */
    static void restoreNamedGroups(String previous) {
        if (previous == null) {
            System.clearProperty(NAMED_GROUPS);
        } else {
            System.setProperty(NAMED_GROUPS, previous);
        }
    }

    private SSLContext context(TestPki.Hierarchy keys, TestPki.Hierarchy trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS", JsseManagers.provider(stack));
            context.init(keys == null ? null : JsseManagers.keys(stack, keys).getKeyManagers(),
                    trust == null ? null : JsseManagers.trust(stack, trust).getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up " + stack, e);
        }
    }

    @Override
    public SSLEngine newClient() {
        SSLEngine client = resumable ? clientContext.createSSLEngine(BenchPki.HOST, 443) : clientContext.createSSLEngine();
        client.setUseClientMode(true);
        if (!resumable && stack == Stack.TLSMACHINE_JSSE) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(BenchPki.HOST)));
            client.setSSLParameters(parameters);
        }
        return bcGroups(client);
    }

    @Override
    public SSLEngine newServer() {
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        return bcGroups(server);
    }

    /**
     * BCJSSE for the hybrid: the hybrid and secp256r1 (without it BCJSSE neither offers nor accepts
     * ecdsa_secp256r1_sha256), and the client's one early key share for the hybrid (BCJSSE's default shares x25519
     * or else secp256r1 whenever listed, which the server would take).
     */
    private SSLEngine bcGroups(SSLEngine engine) {
        if (group.hybrid() && engine instanceof BCSSLEngine bc) {
            BCSSLParameters parameters = bc.getParameters();
            parameters.setNamedGroups(new String[] {group.jsseName, "secp256r1"});
            if (engine.getUseClientMode()) {
                parameters.setEarlyKeyShares(new String[] {group.jsseName});
            }
            bc.setParameters(parameters);
        }
        return engine;
    }
}
