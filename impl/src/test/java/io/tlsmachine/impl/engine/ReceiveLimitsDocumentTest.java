package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** specs/limits.md lists exactly the limits of {@link ReceiveLimits}, with the values the code has. */
class ReceiveLimitsDocumentTest {

    @Test
    void theLimitsTableHasTheCodesValues() throws IOException {
        String document = Files.readString(Path.of("../specs/limits.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(MAX_[A-Z0-9_]+)` \\| (\\d+) \\|").matcher(document);
        Map<String, Integer> documented = new TreeMap<>();
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        assertThat(documented).isEqualTo(new TreeMap<>(Map.of(
                "MAX_TLS13_CHANGE_CIPHER_SPECS", ReceiveLimits.MAX_TLS13_CHANGE_CIPHER_SPECS,
                "MAX_EMPTY_RECORDS_IN_A_ROW", ReceiveLimits.MAX_EMPTY_RECORDS_IN_A_ROW,
                "MAX_WARNING_ALERTS_IN_A_ROW", ReceiveLimits.MAX_WARNING_ALERTS_IN_A_ROW,
                "MAX_KEY_UPDATES_IN_A_ROW", ReceiveLimits.MAX_KEY_UPDATES_IN_A_ROW)));
    }
}
