package io.tlsmachine.impl.crypto;

import io.tlsmachine.SignatureAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server CertificateVerify of the "Simple 1-RTT Handshake" trace (tls13-vectors-draft-latest.txt
 * §3, rsa_pss_rsae_sha256 under the RSA key of §2) verifies over the content RFC 8446 §4.4.3
 * builds from SHA-256(ClientHello..Certificate), for every provider. Values are parsed from the draft.
 */
class Tls13TraceCertificateVerifyTest {
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void verifiesTheServerCertificateVerifyOfTheSimpleHandshake(CryptoProvider provider)
            throws GeneralSecurityException {
        List<String> draft = TraceDraft.lines();
        int section = TraceDraft.indexOf(draft, 0, "3.  Simple 1-RTT Handshake");
        Digest transcript = provider.digest(HashAlgorithm.SHA256);
        for (String message : new String[] {"ClientHello", "ServerHello", "EncryptedExtensions", "Certificate"}) {
            transcript.update(TraceDraft.octets(draft, section, message));
        }
        byte[] certificateVerify = TraceDraft.octets(draft, section, "CertificateVerify");
        byte[] content = CertificateVerifyContent.forServer(transcript.finish());

        // struct { SignatureScheme algorithm; opaque signature<0..2^16-1>; } after the 4-byte header
        assertThat(certificateVerify[4] << 8 | certificateVerify[5])
                .isEqualTo(SignatureAlgorithm.RSA_PSS_RSAE_SHA256.code());
        byte[] signature = Arrays.copyOfRange(certificateVerify, 8, certificateVerify.length);
        PublicKey serverKey = serverKey(draft);

        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverKey, content, signature)).isTrue();
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA384, serverKey, content, signature)).isFalse();
        assertThat(provider.verify(SignatureAlgorithm.RSA_PSS_RSAE_SHA256, serverKey,
                CertificateVerifyContent.forClient(Arrays.copyOfRange(content, 98, 130)), signature)).isFalse();
    }

    /** §2: the server's RSA modulus and public exponent. */
    private static PublicKey serverKey(List<String> draft) throws GeneralSecurityException {
        BigInteger modulus = new BigInteger(1, unlabelled(draft, TraceDraft.indexOf(draft, 0, "modulus (public):")));
        BigInteger exponent = new BigInteger(1, unlabelled(draft, TraceDraft.indexOf(draft, 0, "public exponent:")));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    /** A value without a stated length: the hex after the label, through the following hex-only lines. */
    private static byte[] unlabelled(List<String> draft, int line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String first = draft.get(line);
        TraceDraft.appendHex(out, first.substring(first.indexOf(':') + 1));
        for (int j = line + 1; TraceDraft.isHexOnly(draft.get(j)) || isPageBreak(draft, j); j++) {
            if (TraceDraft.isHexOnly(draft.get(j))) {
                TraceDraft.appendHex(out, draft.get(j));
            }
        }
        return out.toByteArray();
    }

    /** Blank lines, page footers and headers between two hex lines of one value. */
    private static boolean isPageBreak(List<String> draft, int line) {
        String text = draft.get(line);
        return text.isBlank() && line + 1 < draft.size()
                && (draft.get(line + 1).isBlank() || draft.get(line + 1).startsWith("Thomson")
                        || draft.get(line + 1).startsWith("Internet-Draft"))
                || text.startsWith("Thomson") || text.startsWith("Internet-Draft");
    }
}
