package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pieces {@link TlsConfig} delegates to: each checks its own values, and the builder fills each. */
class ConfigPiecesTest {
    private static final TestPki.Hierarchy PKI = new TestPki(new SecureRandom()).hierarchy("Pieces",
            CertificateKeyType.EC_P256, "pieces.test", Instant.now());

    @Test
    void builderSettersLandInTheirPiecesAndToBuilderKeepsThem() {
        byte[] ticketKey = new byte[32];
        ticketKey[0] = 7;
        TicketStore store = new TicketStore();
        ServerSessionCache cache = new ServerSessionCache(4);
        TlsConfig config = TlsConfig.builder().versions(ProtocolVersion.TLS13).cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384)
                .groups(KeyExchangeGroup.SECP256R1, KeyExchangeGroup.X25519).keyShareGroups(KeyExchangeGroup.X25519)
                .certifiedKey(PKI.certifiedLeaf()).clientAuth(ClientAuthPolicy.REQUIRE).postHandshakeAuth(true)
                .ticketsEnabled(true).ticketStore(store).ticketKey(ticketKey).pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE)
                .sessionCache(cache).maxHandshakeMessageSize(2048).recordSizeLimit(512).keyUpdateAfterBytes(99)
                .paddingPolicy(PaddingPolicy.none()).build();

        for (TlsConfig c : List.of(config, config.toBuilder().build())) {
            assertThat(c.protocol()).isEqualTo(new ProtocolParameters(List.of(ProtocolVersion.TLS13),
                    List.of(CipherSuite.TLS_AES_256_GCM_SHA384), List.of(KeyExchangeGroup.SECP256R1, KeyExchangeGroup.X25519),
                    List.of(KeyExchangeGroup.X25519), TlsDefaults.SIGNATURE_SCHEMES));
            assertThat(c.authentication().certifiedKey()).contains(PKI.certifiedLeaf());
            assertThat(c.authentication().clientAuth()).isEqualTo(ClientAuthPolicy.REQUIRE);
            assertThat(c.authentication().postHandshakeAuth()).isTrue();
            assertThat(c.sessions().ticketsEnabled()).isTrue();
            assertThat(c.sessions().ticketStore()).containsSame(store);
            assertThat(c.ticketKey().bytes()).isEqualTo(ticketKey);
            assertThat(c.sessions().pskModes()).containsExactly(PskKeyExchangeMode.PSK_KE);
            assertThat(c.sessions().sessionCache()).containsSame(cache);
            assertThat(c.recordLayer()).isEqualTo(new RecordLayerConfig(2048, Optional.of(512), PaddingPolicy.none(), Optional.of(99L)));
        }
    }

    @Test
    void settingTheGroupsAgainMakesTheFirstOfThemTheKeyShareGroup() {
        TlsConfig config = TlsConfig.builder().keyShareGroups(KeyExchangeGroup.SECP384R1)
                .groups(KeyExchangeGroup.SECP256R1, KeyExchangeGroup.X25519).build();

        assertThat(config.keyShareGroups()).containsExactly(KeyExchangeGroup.SECP256R1);
    }

    @Test
    void eachPieceRefusesItsOwnOutOfRangeValues() {
        assertThatThrownBy(() -> new ProtocolParameters(List.of(ProtocolVersion.TLS13), List.of(), TlsDefaults.GROUPS,
                List.of(), TlsDefaults.SIGNATURE_SCHEMES)).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new RecordLayerConfig(1023, Optional.empty(), PaddingPolicy.none(), Optional.empty()))
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> new RecordLayerConfig(4096, Optional.of(63), PaddingPolicy.none(), Optional.empty()))
                .hasMessageContaining("record_size_limit");
        assertThatThrownBy(() -> new RecordLayerConfig(4096, Optional.empty(), PaddingPolicy.none(), Optional.of(0L)))
                .hasMessageContaining("keyUpdateAfterBytes");
        assertThatThrownBy(() -> TlsConfig.builder().ticketKey(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TlsConfig.builder().recordSizeLimit(16_386)).hasMessageContaining("record_size_limit");
        assertThatThrownBy(() -> TlsConfig.builder().maxHandshakeMessageSize(1 << 24)).hasMessageContaining("2^24");
    }

    @Test
    void piecesHoldingSecretsNeverPrintThem() {
        byte[] ticketKey = new byte[32];
        java.util.Arrays.fill(ticketKey, (byte) 0x5a);
        TlsConfig config = TlsConfig.builder().certifiedKey(PKI.certifiedLeaf()).ticketKey(ticketKey).build();

        assertThat(config.sessions().toString()).doesNotContain(HexFormat.of().formatHex(ticketKey)).doesNotContain("5a5a");
        assertThat(config.authentication().toString()).contains("pieces.test")
                .doesNotContain(HexFormat.of().formatHex(PKI.certifiedLeaf().privateKey().getEncoded()));
    }
}
