package io.tlsmachine.impl.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PEM blocks of a text (RFC 7468 §2, lax parser of §3): text between blocks is ignored,
 * whitespace inside the base64 is allowed, the END label must match the BEGIN label.
 *
 * <p>Legacy RFC 1421 headers ({@code Proc-Type: 4,ENCRYPTED}) are kept so key loading can refuse
 * an encrypted key with a clear message.
 */
public final class PemReader {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemReader() {}

    /** Reads every block of a PEM file. */
    public static List<PemBlock> read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PEM file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every block of a PEM text.
     *
     * @throws IllegalArgumentException for an unterminated block, mismatched labels or bad base64
     */
    public static List<PemBlock> read(String text) {
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            i++;
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            String label = label(line, BEGIN, i);
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            boolean ended = false;
            while (i < lines.length) {
                String body = lines[i].strip();
                i++;
                if (body.startsWith(END)) {
                    String endLabel = label(body, END, i);
                    if (!endLabel.equals(label)) {
                        throw new IllegalArgumentException("PEM block BEGIN " + label + " ends with END " + endLabel + " (line " + i + ")");
                    }
                    ended = true;
                    break;
                }
                int colon = body.indexOf(':');
                if (colon > 0 && base64.length() == 0) {
                    headers.put(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
                } else {
                    base64.append(body);
                }
            }
            if (!ended) {
                throw new IllegalArgumentException("PEM block " + label + " has no END line");
            }
            try {
                blocks.add(new PemBlock(label, headers, Base64.getMimeDecoder().decode(base64.toString())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + label + " is not valid base64", e);
            }
        }
        return blocks;
    }

    private static String label(String line, String prefix, int lineNumber) {
        if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
            throw new IllegalArgumentException("malformed PEM boundary on line " + lineNumber);
        }
        return line.substring(prefix.length(), line.length() - DASHES.length());
    }
}
