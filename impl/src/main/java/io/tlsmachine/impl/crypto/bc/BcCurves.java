package io.tlsmachine.impl.crypto.bc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** Bouncy Castle's optimised ("custom") implementations of the named NIST curves, cached. */
final class BcCurves {
    private static final ConcurrentMap<String, ECDomainParameters> DOMAINS = new ConcurrentHashMap<>();

    private BcCurves() {}

    /** Returns the domain parameters of {@code name}, e.g. {@code secp256r1}. */
    static ECDomainParameters domain(String name) {
        return DOMAINS.computeIfAbsent(name, n -> {
            X9ECParameters parameters = CustomNamedCurves.getByName(n);
            if (parameters == null) {
                throw new IllegalArgumentException("Bouncy Castle has no curve " + n);
            }
            return new ECDomainParameters(parameters);
        });
    }
}
