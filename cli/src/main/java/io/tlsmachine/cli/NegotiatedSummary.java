package io.tlsmachine.cli;

import io.tlsmachine.impl.handshake.NegotiatedParameters;
import java.util.Locale;

/** Formats what a handshake negotiated as one line, the same way in the demo, the server page and the client. */
final class NegotiatedSummary {
    private NegotiatedSummary() {
    }

    /** Returns e.g. {@code TLS13, TLS_AES_128_GCM_SHA256, x25519, ecdsa_secp256r1_sha256, full handshake}. */
    static String of(NegotiatedParameters p) {
        return p.version() + ", " + p.cipherSuite()
                + p.group().map(g -> ", " + g.name().toLowerCase(Locale.ROOT)).orElse("")
                + p.signatureScheme().map(s -> ", " + s.name().toLowerCase(Locale.ROOT)).orElse("")
                + p.applicationProtocol().map(a -> ", ALPN " + a).orElse("")
                + (p.resumed() ? ", resumed" : ", full handshake");
    }
}
