package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/**
 * Names how each certificate of a chain is signed as TLS SignatureSchemes, to hold a chain against the peer's
 * signature_algorithms_cert (RFC 8446 §4.2.3, §4.4.2.2; in TLS 1.2 signature_algorithms, RFC 5246 §7.4.2).
 */
final class ChainSignatures {

    private ChainSignatures() {
    }

    /**
     * Whether every certificate of {@code chain} that is not self-signed is signed with a scheme in {@code accepted}.
     * RFC 8446 §4.4.2.2: the restriction does not apply to a self-signed certificate (a trust anchor). An algorithm
     * with no TLS name (SHA-1, DSA, ...) is never accepted.
     */
    static boolean allSignedWith(CertificateChain chain, List<SignatureScheme> accepted) {
        for (X509Certificate certificate : chain.certificates()) {
            if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
                continue;
            }
            List<Integer> codes = schemesOf(certificate);
            if (accepted.stream().noneMatch(scheme -> codes.contains(scheme.code()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 8446 §4.2.3: the SignatureScheme code points that name {@code certificate}'s signature algorithm; RSASSA-PSS
     * names both rsa_pss_rsae_* and rsa_pss_pss_* of its hash, as the issuer's key type is not in the certificate.
     */
    static List<Integer> schemesOf(X509Certificate certificate) {
        return switch (certificate.getSigAlgOID()) {
            case "1.2.840.10045.4.3.2" -> List.of(0x0403);
            case "1.2.840.10045.4.3.3" -> List.of(0x0503);
            case "1.2.840.10045.4.3.4" -> List.of(0x0603);
            case "1.2.840.113549.1.1.11" -> List.of(0x0401);
            case "1.2.840.113549.1.1.12" -> List.of(0x0501);
            case "1.2.840.113549.1.1.13" -> List.of(0x0601);
            case "1.3.101.112" -> List.of(0x0807);
            case "1.3.101.113" -> List.of(0x0808);
            case "1.2.840.113549.1.1.10" -> pssSchemes(certificate.getSigAlgParams());
            default -> List.of();
        };
    }

    private static List<Integer> pssSchemes(byte[] parameters) {
        if (parameters == null) {
            return List.of();
        }
        try {
            AlgorithmParameters pss = AlgorithmParameters.getInstance("RSASSA-PSS");
            pss.init(parameters);
            return switch (pss.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm()) {
                case "SHA-256" -> List.of(0x0804, 0x0809);
                case "SHA-384" -> List.of(0x0805, 0x080A);
                case "SHA-512" -> List.of(0x0806, 0x080B);
                default -> List.of();
            };
        } catch (GeneralSecurityException | IOException e) {
            return List.of();
        }
    }
}
