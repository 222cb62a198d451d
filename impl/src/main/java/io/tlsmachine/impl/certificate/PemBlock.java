package io.tlsmachine.impl.certificate;

import java.util.Map;
import java.util.Objects;

/**
 * One PEM block (RFC 7468): its label, e.g. {@code CERTIFICATE}, the RFC 1421 headers of legacy
 * encrypted keys (usually none), and the DER bytes it encodes.
 *
 * <p>{@link #toString()} shows the label and length only: the DER may be a private key.
 */
public record PemBlock(String label, Map<String, String> headers, byte[] der) {
    public PemBlock {
        Objects.requireNonNull(label, "label");
        headers = Map.copyOf(headers);
        der = der.clone();
    }

    /** Returns a block without headers. */
    public PemBlock(String label, byte[] der) {
        this(label, Map.of(), der);
    }

    /** Returns a copy of the DER bytes. */
    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PemBlock block && block.label.equals(label) && block.headers.equals(headers)
                && java.util.Arrays.equals(block.der, der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, headers, java.util.Arrays.hashCode(der));
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + ", " + der.length + " bytes]";
    }
}
