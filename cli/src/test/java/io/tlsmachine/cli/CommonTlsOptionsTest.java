package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.TlsDefaults;
import org.junit.jupiter.api.Test;

/** The {@code --suites} names: every implemented suite by its RFC name, the opt-in DHE_RSA and RSA ones included. */
class CommonTlsOptionsTest {

    @Test
    void suitesOptionAcceptsEveryImplementedSuiteIncludingTheOptInOnes() {
        for (var list : java.util.List.of(TlsDefaults.TLS13_SUITES, TlsDefaults.TLS12_SUITES, TlsDefaults.TLS12_OPT_IN_SUITES)) {
            for (CipherSuite suite : list) {
                assertThat(CommonTlsOptions.suite(suite.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(suite);
            }
        }
        assertThat(CommonTlsOptions.suite(" TLS_RSA_WITH_AES_256_GCM_SHA384")).isEqualTo(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
    }

    @Test
    void suitesOptionRejectsASuiteWeDoNotImplement() {
        assertThatThrownBy(() -> CommonTlsOptions.suite("TLS_RSA_WITH_AES_128_CBC_SHA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS_RSA_WITH_AES_128_CBC_SHA");
    }
}
