package io.tlsmachine.impl.crypto;

import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The example of RFC 8446 §4.4.3, and its client counterpart. */
class CertificateVerifyContentTest {
    private static final byte[] HASH_OF_ONES = Providers.repeated(0x01, 32);

    @Test
    void buildsTheServerContentOfTheRfcExample() {
        byte[] expected = hex("20".repeat(64)
                + "544c5320312e332c207365727665722043657274696669636174655665726966" + "79"
                + "00" + "01".repeat(32));

        assertThat(CertificateVerifyContent.forServer(HASH_OF_ONES)).isEqualTo(expected);
    }

    @Test
    void buildsTheClientContentWithTheClientContextString() {
        byte[] expected = hex("20".repeat(64)
                + "544c5320312e332c20636c69656e742043657274696669636174655665726966" + "79"
                + "00" + "01".repeat(32));

        assertThat(CertificateVerifyContent.forClient(HASH_OF_ONES)).isEqualTo(expected);
    }
}
