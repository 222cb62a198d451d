/**
 * The tlsmachine library: TLS 1.2 and 1.3 endpoints driven by the model's machines. Only {@code io.tlsmachine}, the
 * public API, is exported; everything under {@code io.tlsmachine.impl} is internal. Depends at run time on the model
 * and Bouncy Castle (provider and PKIX) only.
 */
module io.tlsmachine {
    requires transitive io.tlsmachine.model;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports io.tlsmachine;

    uses io.tlsmachine.TransitionListenerProvider;
    uses io.tlsmachine.impl.engine.HandshakeMessageListenerProvider;
}
