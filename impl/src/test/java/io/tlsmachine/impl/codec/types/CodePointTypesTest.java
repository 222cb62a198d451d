package io.tlsmachine.impl.codec.types;

import io.tlsmachine.AlertLevel;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.model.ProtocolVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Code point value types: every in-range value is data with a name; RFC names for the known ones. */
class CodePointTypesTest {

    @Test
    void everyInRangeValueHasANameAndUnknownOnesSayTheirHexValue() {
        assertAllNamed(0xFFFF, 4, VersionCode::new, c -> new VersionCode(c).name());
        assertAllNamed(0xFFFF, 4, CipherSuite::new, c -> new CipherSuite(c).name());
        assertAllNamed(0xFFFF, 4, NamedGroup::new, c -> new NamedGroup(c).name());
        assertAllNamed(0xFFFF, 4, SignatureScheme::new, c -> new SignatureScheme(c).name());
        assertAllNamed(0xFFFF, 4, ExtensionType::new, c -> new ExtensionType(c).name());
        assertAllNamed(0xFF, 2, ContentType::new, c -> new ContentType(c).name());
        assertAllNamed(0xFF, 2, HandshakeType::new, c -> new HandshakeType(c).name());
        assertAllNamed(0xFF, 2, AlertLevel::new, c -> new AlertLevel(c).name());
        assertAllNamed(0xFF, 2, PskKeyExchangeMode::new, c -> new PskKeyExchangeMode(c).name());
        assertAllNamed(0xFF, 2, CertificateType::new, c -> new CertificateType(c).name());
        assertAllNamed(0xFF, 2, ECPointFormat::new, c -> new ECPointFormat(c).name());
    }

    private static void assertAllNamed(int max, int hexDigits, IntFunction<Object> create, IntFunction<String> name) {
        List<String> wrong = new ArrayList<>();
        for (int code = 0; code <= max; code++) {
            String text = name.apply(code);
            boolean named = !text.isBlank() && !text.startsWith("unknown(")
                    || text.equals(String.format("unknown(0x%0" + hexDigits + "X)", code));
            if (!named || !create.apply(code).toString().equals(text)) {
                wrong.add(code + " -> " + text);
            }
        }
        assertThat(wrong).isEmpty();
        final int tooLarge = max + 1;
        assertThatThrownBy(() -> create.apply(tooLarge)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> create.apply(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownCodePointsCarryTheirRfcNames() {
        assertThat(VersionCode.TLS13).hasToString("TLS 1.3");
        assertThat(VersionCode.TLS12.code()).isEqualTo(0x0303);
        assertThat(ContentType.HANDSHAKE.code()).isEqualTo(22);
        assertThat(ContentType.HEARTBEAT).hasToString("heartbeat");
        assertThat(HandshakeType.MESSAGE_HASH.code()).isEqualTo(254);
        assertThat(HandshakeType.HELLO_REQUEST).hasToString("hello_request");
        assertThat(CipherSuite.TLS_AES_128_GCM_SHA256.code()).isEqualTo(0x1301);
        assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.code()).isEqualTo(0xCCA8);
        assertThat(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code()).isEqualTo(0x00FF);
        assertThat(CipherSuite.TLS_FALLBACK_SCSV.code()).isEqualTo(0x5600);
        assertThat(NamedGroup.X25519).hasToString("x25519");
        assertThat(SignatureScheme.RSA_PSS_RSAE_SHA256).hasToString("rsa_pss_rsae_sha256");
        assertThat(ExtensionType.RENEGOTIATION_INFO.code()).isEqualTo(0xFF01);
        assertThat(ExtensionType.KEY_SHARE).hasToString("key_share");
        assertThat(CertificateType.ECDSA_SIGN.code()).isEqualTo(64);
        assertThat(PskKeyExchangeMode.PSK_DHE_KE.code()).isEqualTo(1);
        assertThat(ECPointFormat.UNCOMPRESSED.code()).isZero();
        assertThat(AlertLevel.FATAL).hasToString("fatal");
    }

    @Test
    void codePointsAreValuesComparedByCode() {
        assertThat(new CipherSuite(0x1301)).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256)
                .hasSameHashCodeAs(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(new NamedGroup(0x1234)).isEqualTo(new NamedGroup(0x1234)).isNotEqualTo(NamedGroup.X25519);
    }

    @Test
    void cipherSuitesKnowTheirVersionAndSignallingValues() {
        assertThat(CipherSuite.TLS_CHACHA20_POLY1305_SHA256.isTls13()).isTrue();
        assertThat(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.isTls13()).isFalse();
        assertThat(CipherSuite.TLS_FALLBACK_SCSV.isSignallingValue()).isTrue();
        assertThat(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.isSignallingValue()).isFalse();
    }

    @Test
    void recognisesTls13DraftVersionsAndFiniteFieldGroups() {
        assertThat(new VersionCode(0x7F1C).isTls13Draft()).isTrue();
        assertThat(new VersionCode(0x7F1C).name()).isEqualTo("unknown(0x7F1C)");
        assertThat(VersionCode.TLS13.isTls13Draft()).isFalse();
        assertThat(NamedGroup.FFDHE2048.isFiniteField()).isTrue();
        assertThat(NamedGroup.X25519.isFiniteField()).isFalse();
    }

    @Test
    void versionCodesConvertToTheNegotiatedVersionBothWaysAndOtherCodesToNone() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            assertThat(VersionCode.of(version).code()).isEqualTo(version.code());
            assertThat(VersionCode.of(version).version()).contains(version);
        }
        assertThat(VersionCode.of(ProtocolVersion.TLS13)).isEqualTo(new VersionCode(0x0304));
        assertThat(VersionCode.of(ProtocolVersion.TLS12)).isEqualTo(new VersionCode(0x0303));
        for (int code : new int[] {0x0300, 0x0301, 0x0302, 0x0305, 0x7F1C, 0x0A0A}) {
            assertThat(new VersionCode(code).version()).as("0x%04X", code).isEmpty();
        }
    }
}
