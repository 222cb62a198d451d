package io.tlsmachine.impl.certificate;

import io.tlsmachine.TrustAnchors;
import io.tlsmachine.PkixCertificateVerifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Holds one PKIX verifier that many configurations share, so its validated-path cache (bounded and thread-safe)
 * serves all their connections; built on first use, and built again on the next use if building failed.
 */
public final class SharedVerifier {

    /**
     * The verifier of every configuration without one of its own: PKIX against the JDK's default trust store, read
     * once per JVM (like the JDK's default {@code SSLContext}).
     */
    public static final SharedVerifier JDK_DEFAULT = new SharedVerifier(() -> PkixCertificateVerifier.trusting(TrustAnchors.jdkDefault()));

    private final Supplier<PkixCertificateVerifier> builder;
    private volatile PkixCertificateVerifier verifier;

    SharedVerifier(Supplier<PkixCertificateVerifier> builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** Returns the shared verifier, building it if this is the first use (or every build so far failed). */
    public PkixCertificateVerifier get() {
        PkixCertificateVerifier shared = verifier;
        if (shared != null) {
            return shared;
        }
        synchronized (this) {
            if (verifier == null) {
                verifier = Objects.requireNonNull(builder.get(), "the built verifier");
            }
            return verifier;
        }
    }
}
