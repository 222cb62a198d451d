package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tlsmachine.SignatureAlgorithm;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every signature scheme we implement has a Java Security name the JDK knows and a key type a key manager takes. */
class JsseNamesTest {

    @Test
    void everySchemeHasAStandardJavaSecurityName() {
        for (SignatureAlgorithm scheme : SignatureAlgorithm.values()) {
            String[] names = JsseProtocols.jcaNames(List.of(scheme));
            assertThat(names).as("%s", scheme).hasSize(1);
            assertThatCode(() -> Signature.getInstance(names[0])).as("%s as %s", scheme, names[0]).doesNotThrowAnyException();
        }
    }

    @Test
    void everySchemeNamesTheKeyTypeThatSignsWithIt() {
        for (SignatureAlgorithm scheme : SignatureAlgorithm.values()) {
            String name = scheme.name();
            String expected = name.startsWith("ECDSA_") ? "EC" : name.startsWith("ED") ? "EdDSA"
                    : name.startsWith("RSA_PSS_PSS_") ? "RSASSA-PSS" : "RSA";
            assertThat(JsseProtocols.keyTypes(List.of(scheme))).as("%s", scheme).startsWith(expected);
        }
    }

    @Test
    void keyTypesFollowTheClientsOrderOnceEachAndDefaultToRsaThenEcWithoutSignatureAlgorithms() {
        assertThat(JsseProtocols.keyTypes(List.of(SignatureAlgorithm.RSA_PSS_RSAE_SHA256,
                SignatureAlgorithm.ECDSA_SECP256R1_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.ED25519)))
                .containsExactly("RSA", "EC", "EdDSA", "Ed25519");
        assertThat(JsseProtocols.keyTypes(List.of())).containsExactly("RSA", "EC");
    }
}
