package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import java.util.HexFormat;

/** Formats one line of the NSS key log format: label, client random and secret, hex in lower case. */
public final class KeyLogLine {
    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: Random is 32 bytes. */
    public static final int CLIENT_RANDOM_LENGTH = 32;
    /** RFC 5246 §8.1: the master secret is 48 bytes. */
    public static final int MASTER_SECRET_LENGTH = 48;

    private static final HexFormat HEX = HexFormat.of();

    private KeyLogLine() {}

    /**
     * Returns {@code "<label> <client random hex> <secret hex>\n"}.
     *
     * @throws IllegalArgumentException when the client random is not 32 bytes, the secret is
     *     empty, or a CLIENT_RANDOM master secret is not 48 bytes
     */
    public static String format(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
        if (clientRandom.length != CLIENT_RANDOM_LENGTH) {
            throw new IllegalArgumentException("client random has " + clientRandom.length + " bytes, expected 32");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException(label + " secret is empty");
        }
        if (label == KeyLogLabel.CLIENT_RANDOM && secret.length != MASTER_SECRET_LENGTH) {
            throw new IllegalArgumentException("CLIENT_RANDOM needs the 48-byte master secret, got " + secret.length + " bytes");
        }
        return label.name() + ' ' + HEX.formatHex(clientRandom) + ' ' + HEX.formatHex(secret) + '\n';
    }
}
