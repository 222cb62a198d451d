package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.TlsDefaults;
import io.tlsmachine.KeyExchangeGroup;
import org.junit.jupiter.api.Test;

/** The {@code --suites} names: every implemented suite by its RFC name, the opt-in DHE_RSA and RSA ones included. */
class ParameterNamesTest {

    @Test
    void suitesOptionAcceptsEveryImplementedSuiteIncludingTheOptInOnes() {
        for (var list : java.util.List.of(TlsDefaults.TLS13_SUITES, TlsDefaults.TLS12_SUITES, TlsDefaults.TLS12_OPT_IN_SUITES)) {
            for (CipherSuite suite : list) {
                assertThat(ParameterNames.suite(suite.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(suite);
            }
        }
        assertThat(ParameterNames.suite(" TLS_RSA_WITH_AES_256_GCM_SHA384")).isEqualTo(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
    }

    @Test
    void suitesOptionRejectsASuiteWeDoNotImplement() {
        assertThatThrownBy(() -> ParameterNames.suite("TLS_RSA_WITH_AES_128_CBC_SHA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS_RSA_WITH_AES_128_CBC_SHA");
    }

    @Test
    void groupsOptionAcceptsThePostQuantumGroupsAsTheDraftsSpellThem() {
        assertThat(ParameterNames.group("X25519MLKEM768")).isEqualTo(KeyExchangeGroup.X25519MLKEM768);
        assertThat(ParameterNames.group("SecP256r1MLKEM768")).isEqualTo(KeyExchangeGroup.SECP256R1MLKEM768);
        assertThat(ParameterNames.group("secp384r1mlkem1024")).isEqualTo(KeyExchangeGroup.SECP384R1MLKEM1024);
        assertThat(ParameterNames.group("MLKEM768")).isEqualTo(KeyExchangeGroup.MLKEM768);
    }

    @Test
    void groupsAcceptTheCommonAliasesAndABadOneListsTheValidOnes() {
        for (String alias : new String[] {"P-256", "prime256v1", "secp256r1", "SECP256R1"}) {
            assertThat(ParameterNames.group(alias)).as(alias).isEqualTo(KeyExchangeGroup.SECP256R1);
        }
        assertThat(ParameterNames.group("X25519")).isEqualTo(KeyExchangeGroup.X25519);
        assertThat(ParameterNames.group("P-384")).isEqualTo(KeyExchangeGroup.SECP384R1);
        assertThat(ParameterNames.group("P-521")).isEqualTo(KeyExchangeGroup.SECP521R1);
        assertThat(ParameterNames.group("secp521r1")).isEqualTo(KeyExchangeGroup.SECP521R1);
        assertThatThrownBy(() -> ParameterNames.group("P-192")).hasMessageContaining("unknown group P-192; one of x25519,")
                .hasMessageContaining("secp256r1").hasMessageContaining("P-521");
    }

    @Test
    void suitesAcceptTheOpenSslNames() {
        assertThat(ParameterNames.suite("ECDHE-ECDSA-AES128-GCM-SHA256"))
                .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        assertThat(ParameterNames.suite("aes256-gcm-sha384")).isEqualTo(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
        ParameterNames.openSslNames().forEach((openssl, rfc) ->
                assertThat(ParameterNames.suite(openssl).name()).as(openssl).isEqualTo(rfc));
        assertThat(ParameterNames.openSslNames()).containsEntry("ECDHE-RSA-CHACHA20-POLY1305",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256").hasSize(14);
        assertThatThrownBy(() -> ParameterNames.suite("RC4-MD5")).hasMessageContaining("one of TLS_AES_128_GCM_SHA256");
    }
}
