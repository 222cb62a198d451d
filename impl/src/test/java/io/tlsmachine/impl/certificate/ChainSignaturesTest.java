package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** How a chain is signed, in TLS SignatureScheme names (RFC 8446 §4.2.3), held against signature_algorithms_cert. */
class ChainSignaturesTest {

    @Test
    void namesTheSchemesOfTheTestHierarchies() {
        assertThat(ChainSignatures.schemesOf(EC.leaf().certificate())).containsExactly(0x0403);
        assertThat(ChainSignatures.schemesOf(RSA.leaf().certificate())).containsExactly(0x0401);
    }

    @Test
    void namesBothPssSchemesOfAnRsassaPssSignatureByItsHash() throws Exception {
        assertThat(ChainSignatures.schemesOf(signedWith("SHA256withRSAandMGF1"))).containsExactly(0x0804, 0x0809);
        assertThat(ChainSignatures.schemesOf(signedWith("SHA384withRSAandMGF1"))).containsExactly(0x0805, 0x080A);
        assertThat(ChainSignatures.schemesOf(signedWith("SHA1withRSA"))).as("no TLS name").isEmpty();
    }

    @Test
    void aChainConformsWhenEveryCertificateButASelfSignedOneIsSignedAsAccepted() {
        assertThat(ChainSignatures.allSignedWith(EC.chain(), List.of(SignatureScheme.ECDSA_SECP256R1_SHA256))).isTrue();
        assertThat(ChainSignatures.allSignedWith(EC.chain(), List.of(SignatureScheme.RSA_PKCS1_SHA256))).isFalse();
        assertThat(ChainSignatures.allSignedWith(CertificateChain.of(EC.root().certificate()), List.of())).isTrue();
    }

    /** A certificate issued (not self-signed) with {@code algorithm}. */
    private static X509Certificate signedWith(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair issuer = generator.generateKeyPair();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Issuer"), BigInteger.ONE, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=Subject"), issuer.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).setProvider(new BouncyCastleProvider()).build(issuer.getPrivate())));
    }
}
