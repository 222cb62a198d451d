package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.crypto.EcCurves;
import io.tlsmachine.KeyExchangeGroup;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.EllipticCurve;
import java.util.List;
import java.util.Optional;

/**
 * Names the curve of an ECDSA certificate key as a TLS NamedGroup, to hold it against the client's supported_groups
 * in TLS 1.2 (RFC 4492 §5.1, §5.3; RFC 8422 §5.1, §5.3).
 */
final class CertificateCurves {

    private CertificateCurves() {
    }

    /** The named curve of {@code key}, empty for a key that is not EC or whose curve is not secp256r1/384r1/521r1. */
    static Optional<NamedGroup> curveOf(Key key) {
        if (!(key instanceof ECKey ec)) {
            return Optional.empty();
        }
        EllipticCurve curve = ec.getParams().getCurve();
        for (KeyExchangeGroup group : List.of(KeyExchangeGroup.SECP256R1, KeyExchangeGroup.SECP384R1, KeyExchangeGroup.SECP521R1)) {
            if (EcCurves.parameters(group).getCurve().equals(curve)) {
                return Optional.of(Hellos.named(group));
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 4492 §5.3: "If the client has used a Supported Elliptic Curves Extension, the public key in the server's
     * certificate MUST respect the client's choice of elliptic curves". True when {@code key} is not EC, when the
     * client sent no list, or when its list names the key's curve.
     */
    static boolean acceptable(Key key, Optional<List<NamedGroup>> clientGroups) {
        if (!(key instanceof ECKey) || clientGroups.isEmpty()) {
            return true;
        }
        return curveOf(key).map(clientGroups.get()::contains).orElse(false);
    }
}
