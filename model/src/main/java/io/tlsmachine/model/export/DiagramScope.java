package io.tlsmachine.model.export;

import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.VersionRegion;
import java.util.Locale;

/** Chooses which states a diagram draws: all, or one version region (COMMON states are always drawn). */
public enum DiagramScope {
    ALL,
    TLS13,
    TLS12;

    /** Tells whether {@code state} is drawn in this scope. */
    public boolean includes(ModelState state) {
        return switch (this) {
            case ALL -> true;
            case TLS13 -> state.region() != VersionRegion.TLS12;
            case TLS12 -> state.region() != VersionRegion.TLS13;
        };
    }

    /** Tells whether handshakes of {@code version} are drawn in this scope. */
    public boolean includes(ProtocolVersion version) {
        return switch (this) {
            case ALL -> true;
            case TLS13 -> version == ProtocolVersion.TLS13;
            case TLS12 -> version == ProtocolVersion.TLS12;
        };
    }

    /** Parses {@code all}, {@code tls13} or {@code tls12} (any case). */
    public static DiagramScope parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
