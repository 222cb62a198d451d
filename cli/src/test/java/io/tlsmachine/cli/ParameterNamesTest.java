package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.TlsDefaults;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
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

    @Test
    void groupsOptionAcceptsThePostQuantumGroupsAsTheDraftsSpellThem() {
        assertThat(CommonTlsOptions.group("X25519MLKEM768")).isEqualTo(KeyExchangeGroup.X25519MLKEM768);
        assertThat(CommonTlsOptions.group("SecP256r1MLKEM768")).isEqualTo(KeyExchangeGroup.SECP256R1MLKEM768);
        assertThat(CommonTlsOptions.group("secp384r1mlkem1024")).isEqualTo(KeyExchangeGroup.SECP384R1MLKEM1024);
        assertThat(CommonTlsOptions.group("MLKEM768")).isEqualTo(KeyExchangeGroup.MLKEM768);
    }
}
