package io.tlsmachine.impl.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** One known-answer vector read from a {@code name = HEX} resource, and a SecureRandom that replays fixed bytes. */
final class AcvpVector {
    /** NIST ACVP-Server ML-KEM-encapDecap-FIPS203, ML-KEM-768 encapsulation, tcId 26 (see the resource's header). */
    static final AcvpVector ML_KEM_768_TC26 = load("/mlkem/acvp-ml-kem-768-tc26.txt");

    private final Map<String, byte[]> values;

    private AcvpVector(Map<String, byte[]> values) {
        this.values = values;
    }

    /** Returns the value named {@code name} (a copy). */
    byte[] value(String name) {
        byte[] value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " in vector");
        }
        return value.clone();
    }

    private static AcvpVector load(String resource) {
        try (InputStream in = AcvpVector.class.getResourceAsStream(resource)) {
            Map<String, byte[]> values = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("=", 2);
                    values.put(parts[0].trim(), Providers.hex(parts[1]));
                }
            }
            return new AcvpVector(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SecureRandom that hands out {@code bytes} in order and fails once they run out (a test would be wrong). */
    static SecureRandom replaying(byte[]... chunks) {
        return new SecureRandom() {
            private final java.io.ByteArrayInputStream stream = new java.io.ByteArrayInputStream(Providers.concat(chunks));

            @Override
            public void nextBytes(byte[] out) {
                if (stream.readNBytes(out, 0, out.length) != out.length) {
                    throw new IllegalStateException("the replayed randomness ran out");
                }
            }
        };
    }
}
