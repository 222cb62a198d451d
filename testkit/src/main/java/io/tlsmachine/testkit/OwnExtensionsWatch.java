package io.tlsmachine.testkit;

import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.engine.HandshakeMessageListener;
import io.tlsmachine.impl.engine.HandshakeMessageListenerProvider;
import io.tlsmachine.impl.negotiation.OwnExtensionWatch;
import io.tlsmachine.model.MachineDefinition;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Once {@link #install()}ed, holds every handshake message any engine in this JVM sends to the extension table,
 * with "offered" being the peer's request it answers ({@link OwnExtensionWatch}): a message of ours with an extension
 * the peer did not offer (or misplaced, or twice), or one that does not decode, is a violation, which a test harness
 * takes with {@link #drainViolations()} after each test. Engines find it as a {@link TransitionListenerProvider}
 * service (this module's {@code META-INF/services}); it gives them no transition listener.
 */
public final class OwnExtensionsWatch implements HandshakeMessageListenerProvider {

    private static final WatchLog LOG = new WatchLog();
    private static final AtomicLong CHECKED = new AtomicLong();

    /** The service provider {@link java.util.ServiceLoader} instantiates; the watch itself is JVM-wide. */
    public OwnExtensionsWatch() {
    }

    /** Watches every engine constructed from now on (idempotent). */
    public static void install() {
        LOG.install();
    }

    @Override
    public Optional<HandshakeMessageListener> messageListenerFor(MachineDefinition<?, ?> definition) {
        if (!LOG.installed()) {
            return Optional.empty();
        }
        Role ours = "client".equals(definition.role()) ? Role.CLIENT : Role.SERVER;
        String name = LOG.nextEngine(definition);
        OwnExtensionWatch watch = new OwnExtensionWatch(ours);
        return Optional.of(new HandshakeMessageListener() {
            @Override
            public void received(byte[] encoded, DecodeContext context) {
                try {
                    watch.received(encoded, context);
                } catch (RuntimeException e) {
                    LOG.report(name + ": a received message the engine decoded does not decode again: " + e);
                }
            }

            @Override
            public void sent(byte[] encoded, DecodeContext context) {
                CHECKED.incrementAndGet();
                try {
                    watch.sent(encoded, context)
                            .ifPresent(v -> LOG.report(name + " sent " + v.failure().getMessage()));
                } catch (RuntimeException e) {
                    LOG.report(name + " sent a handshake message that does not decode: " + e);
                }
            }
        });
    }

    /** Returns and forgets the violations reported since the last call. */
    public static List<String> drainViolations() {
        return LOG.drain();
    }

    /** Returns how many handshake messages of ours have been checked in this JVM. */
    public static long checkedMessages() {
        return CHECKED.get();
    }
}
