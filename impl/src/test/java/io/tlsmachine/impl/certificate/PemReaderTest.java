package io.tlsmachine.impl.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PemReaderTest {

    @Test
    void readsEveryBlockInOrderIgnoringTextAroundThem() {
        String pem = "Bag Attributes: ignored\n" + PemWriter.encode("CERTIFICATE", new byte[] {1, 2, 3})
                + "subject=CN=ignored\r\n" + PemWriter.encode("PRIVATE KEY", new byte[] {4, 5});

        List<PemBlock> blocks = PemReader.read(pem);

        assertThat(blocks).extracting(PemBlock::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
        assertThat(blocks.get(1).der()).containsExactly(4, 5);
    }

    @Test
    void roundTripsRandomContentOfEveryLengthUpTo300Bytes() {
        long seed = 0x5EED_CE27L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int length = 0; length <= 300; length++) {
            byte[] der = new byte[length];
            for (int i = 0; i < length; i++) {
                der[i] = (byte) random.nextInt(256);
            }

            List<PemBlock> blocks = PemReader.read(PemWriter.encode("CERTIFICATE", der));

            assertThat(blocks).as("seed %x, length %d", seed, length).hasSize(1);
            assertThat(blocks.get(0).der()).as("seed %x, length %d", seed, length).isEqualTo(der);
        }
    }

    @Test
    void writesLinesOfAtMost64Characters() {
        String pem = PemWriter.encode("CERTIFICATE", new byte[200]);

        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void toleratesIndentationAndBlankLinesInTheBody() {
        String pem = "  -----BEGIN CERTIFICATE-----\n  AQID\n\n  BA==  \n-----END CERTIFICATE-----  \n";

        assertThat(PemReader.read(pem).get(0).der()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void keepsLegacyHeaders() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0011\n\nAQID\n-----END RSA PRIVATE KEY-----\n";

        assertThat(PemReader.read(pem).get(0).headers()).isEqualTo(Map.of("Proc-Type", "4,ENCRYPTED", "DEK-Info", "DES-EDE3-CBC,0011"));
    }

    @Test
    void rejectsMismatchedEndLabels() {
        assertThatThrownBy(() -> PemReader.read("-----BEGIN CERTIFICATE-----\nAQID\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends with END PRIVATE KEY");
    }

    @Test
    void rejectsABlockWithoutEnd() {
        assertThatThrownBy(() -> PemReader.read("-----BEGIN CERTIFICATE-----\nAQID\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no END line");
    }

    @Test
    void rejectsInvalidBase64() {
        assertThatThrownBy(() -> PemReader.read("-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void neverShowsKeyBytesInToString() {
        PemBlock block = new PemBlock("PRIVATE KEY", new byte[] {0x42, 0x42});

        assertThat(block.toString()).isEqualTo("PemBlock[PRIVATE KEY, 2 bytes]");
    }
}
