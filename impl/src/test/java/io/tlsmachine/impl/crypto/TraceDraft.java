package io.tlsmachine.impl.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.tlsmachine.impl.vectors.ReferenceFiles;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads labelled hex values out of specs/rfc/tls13-vectors-draft-latest.txt, across page breaks. */
final class TraceDraft {
    private static final Pattern HEX_ONLY = Pattern.compile("\\s*([0-9a-f]{2}\\s*)+");

    private TraceDraft() {}

    /** The draft's lines, found in the working directory or above it. */
    static List<String> lines() {
        try {
            return Files.readAllLines(ReferenceFiles.find("tls13-vectors-draft-latest.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first "label (N octets):" value at or after line {@code from}. */
    static byte[] octets(List<String> lines, int from, String label) {
        Pattern pattern = Pattern.compile(Pattern.quote(label) + " \\((\\d+) octets\\):(.*)");
        for (int i = from; i < lines.size(); i++) {
            Matcher matcher = pattern.matcher(lines.get(i).trim());
            if (matcher.matches()) {
                int length = Integer.parseInt(matcher.group(1));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                appendHex(out, matcher.group(2));
                for (int j = i + 1; out.size() < length; j++) {
                    if (isHexOnly(lines.get(j))) {
                        appendHex(out, lines.get(j));
                    }
                }
                assertThat(out.size()).as("%s at line %d", label, i + 1).isEqualTo(length);
                return out.toByteArray();
            }
        }
        throw new AssertionError(label + " not found after line " + (from + 1));
    }

    /** The index of the first line at or after {@code from} that starts (trimmed) with {@code text}. */
    static int indexOf(List<String> lines, int from, String text) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }

    static boolean isHexOnly(String line) {
        return HEX_ONLY.matcher(line).matches();
    }

    static void appendHex(ByteArrayOutputStream out, String text) {
        for (String token : text.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                out.write(Integer.parseInt(token, 16));
            }
        }
    }
}
