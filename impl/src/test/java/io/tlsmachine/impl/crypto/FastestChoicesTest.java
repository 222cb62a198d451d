package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CryptoProviders#fastest()} chooses, primitive by primitive, what bench/CRYPTO.md measured. */
class FastestChoicesTest {
    private final CompositeCryptoProvider fastest = (CompositeCryptoProvider) CryptoProviders.fastest();

    @Test
    void followsTheChosenColumnOfTheMeasuredTable() throws IOException {
        List<String[]> rows = measuredRows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(HashAlgorithm.values().length * 2
                + AeadAlgorithm.values().length + KeyExchangeGroup.values().length
                + SignatureAlgorithm.values().length * 2);
        for (String[] row : rows) {
            assertThat(providerOf(row[0]).name()).as(row[0]).isEqualTo(row[1]);
        }
    }

    private CryptoProvider providerOf(String primitive) {
        String[] parts = primitive.split(" ");
        return switch (parts[0]) {
            case "digest" -> fastest.digestProvider(HashAlgorithm.valueOf(parts[1]));
            case "hmac" -> fastest.hmacProvider(HashAlgorithm.valueOf(parts[1]));
            case "aead" -> fastest.aeadProvider(AeadAlgorithm.valueOf(parts[1]));
            case "keyExchange" -> fastest.keyExchangeProvider(KeyExchangeGroup.valueOf(parts[1]));
            case "sign" -> fastest.signProvider(SignatureAlgorithm.valueOf(parts[1]));
            case "verify" -> fastest.verifyProvider(SignatureAlgorithm.valueOf(parts[1]));
            case "rsaKeyTransport" -> fastest.rsaKeyTransportProvider();
            default -> throw new AssertionError("unknown primitive in CRYPTO.md: " + primitive);
        };
    }

    /** Each table row as {primitive, chosen}. */
    private static List<String[]> measuredRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(cryptoMd(), StandardCharsets.UTF_8)) {
            // keySchedule rows measure a composite of HMAC choices: informational, not a choice of their own.
            if (!line.startsWith("| ") || line.startsWith("| primitive") || line.startsWith("| keySchedule")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows.add(new String[] {cells[1].trim(), cells[cells.length - 1].trim()});
        }
        return rows;
    }

    private static Path cryptoMd() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bench/CRYPTO.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("bench/CRYPTO.md not found above " + Path.of("").toAbsolutePath());
    }
}
