package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import io.tlsmachine.impl.vectors.ReferenceFiles;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks p and g of ffdhe2048 and ffdhe3072 against the text of RFC 7919 Appendix A. */
class FfdheGroupsTest {
    private static final Pattern HEX_LINE = Pattern.compile("\\s*([0-9A-F]{8}\\s*)+");

    @Test
    void ffdhe2048MatchesRfc7919AppendixA1() throws IOException {
        List<String> rfc = rfc7919();

        assertThat(FfdheGroups.prime(KeyExchangeGroup.FFDHE2048)).isEqualTo(primeFromRfc(rfc, "A.1.  ffdhe2048"));
        assertThat(FfdheGroups.prime(KeyExchangeGroup.FFDHE2048).bitLength()).isEqualTo(2048);
        assertThat(generatorFromRfc(rfc, "A.1.  ffdhe2048")).isEqualTo(FfdheGroups.GENERATOR);
    }

    @Test
    void ffdhe3072MatchesRfc7919AppendixA2() throws IOException {
        List<String> rfc = rfc7919();

        assertThat(FfdheGroups.prime(KeyExchangeGroup.FFDHE3072)).isEqualTo(primeFromRfc(rfc, "A.2.  ffdhe3072"));
        assertThat(FfdheGroups.prime(KeyExchangeGroup.FFDHE3072).bitLength()).isEqualTo(3072);
        assertThat(generatorFromRfc(rfc, "A.2.  ffdhe3072")).isEqualTo(FfdheGroups.GENERATOR);
    }

    @Test
    void bothPrimesAreSafePrimes() {
        for (KeyExchangeGroup group : new KeyExchangeGroup[] {KeyExchangeGroup.FFDHE2048, KeyExchangeGroup.FFDHE3072}) {
            BigInteger p = FfdheGroups.prime(group);
            assertThat(p.isProbablePrime(20)).as("%s p", group).isTrue();
            assertThat(p.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(20)).as("%s q", group).isTrue();
        }
    }

    /** Reads RFC 7919 from the repository's reference texts. */
    private static List<String> rfc7919() throws IOException {
        return Files.readAllLines(ReferenceFiles.find("rfc7919.txt"), StandardCharsets.UTF_8);
    }

    /** Reads the hex groups after "The hexadecimal representation of p is:", skipping page breaks. */
    private static BigInteger primeFromRfc(List<String> rfc, String heading) {
        int line = startOf(rfc, heading);
        while (!rfc.get(line).contains("The hexadecimal representation of p is:")) {
            line++;
        }
        StringBuilder hex = new StringBuilder();
        for (line++; !rfc.get(line).contains("The generator is"); line++) {
            if (HEX_LINE.matcher(rfc.get(line)).matches()) {
                hex.append(rfc.get(line).replaceAll("\\s", ""));
            }
        }
        return new BigInteger(hex.toString(), 16);
    }

    private static BigInteger generatorFromRfc(List<String> rfc, String heading) {
        int line = startOf(rfc, heading);
        while (!rfc.get(line).contains("The generator is: g = ")) {
            line++;
        }
        return new BigInteger(rfc.get(line).substring(rfc.get(line).indexOf("g = ") + 4).trim());
    }

    /** The last line equal to {@code heading}: the appendix itself, not the table of contents. */
    private static int startOf(List<String> rfc, String heading) {
        for (int i = rfc.size() - 1; i >= 0; i--) {
            if (rfc.get(i).trim().equals(heading)) {
                return i;
            }
        }
        throw new AssertionError(heading + " not found in RFC 7919");
    }
}
