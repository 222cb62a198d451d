package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.LeafKeyUse;
import io.tlsmachine.CertificateVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec.ExtendedKeyUsage;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec;
import io.tlsmachine.impl.certificate.issuing.IssuedCertificate;
import io.tlsmachine.TlsException;
import io.tlsmachine.testkit.TestPki;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Differential test: our PKIX verifier and the JDK's own TLS trust manager (an independent
 * implementation of chain building, PKIX and the TLS server EKU/KU checks) accept and reject
 * the same server chains. Host names are left out: JSSE checks them only inside a handshake.
 */
class JdkTrustManagerAgreementTest {
    private static final String HOST = "agree.example";
    private static final Instant NOW = Instant.now();
    private static final TestPki PKI = new TestPki(new SecureRandom());

    private record Scenario(String name, TestPki.Hierarchy trusted, List<X509Certificate> chain, String authType, boolean accepted) {}

    @Test
    void acceptsAndRejectsTheSameServerChainsAsTheJdksTrustManager() throws Exception {
        List<Scenario> scenarios = scenarios();
        List<String> disagreements = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            boolean ours = oursAccepts(scenario);
            boolean jdk = jdkAccepts(scenario);
            if (ours != jdk || ours != scenario.accepted()) {
                disagreements.add(scenario.name() + ": ours " + ours + ", JDK " + jdk + ", expected " + scenario.accepted());
            }
        }

        assertThat(disagreements).as("of %d scenarios", scenarios.size()).isEmpty();
    }

    private static List<Scenario> scenarios() {
        TestPki.Hierarchy ec = PKI.hierarchy("Agree EC", CertificateKeyType.EC_P256, HOST, NOW);
        TestPki.Hierarchy rsa = PKI.hierarchy("Agree RSA", CertificateKeyType.RSA_2048, HOST, NOW);
        TestPki.Hierarchy other = PKI.hierarchy("Agree Other", CertificateKeyType.EC_P256, HOST, NOW);
        X509Certificate intermediate = ec.intermediate().certificate();
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("valid EC chain", ec, ec.chain().certificates(), "ECDHE_ECDSA", true));
        scenarios.add(new Scenario("valid RSA chain", rsa, rsa.chain().certificates(), "ECDHE_RSA", true));
        scenarios.add(new Scenario("valid RSA chain for key transport", rsa, rsa.chain().certificates(), "RSA", true));
        scenarios.add(new Scenario("chain with the root", ec, List.of(ec.leaf().certificate(), intermediate, ec.root().certificate()), "ECDHE_ECDSA", true));
        scenarios.add(new Scenario("root before intermediate, with an extraneous certificate", ec, List.of(ec.leaf().certificate(),
                other.intermediate().certificate(), ec.root().certificate(), intermediate), "ECDHE_ECDSA", true));
        scenarios.add(new Scenario("unknown CA", other, ec.chain().certificates(), "ECDHE_ECDSA", false));
        scenarios.add(new Scenario("missing intermediate", ec, List.of(ec.leaf().certificate()), "ECDHE_ECDSA", false));
        scenarios.add(new Scenario("expired leaf", ec, chain(ec, leaf(ec, spec().withValidity(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1))))), "ECDHE_ECDSA", false));
        scenarios.add(new Scenario("leaf not yet valid", ec, chain(ec, leaf(ec, spec().withValidity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9))))), "ECDHE_ECDSA", false));
        scenarios.add(new Scenario("client-only EKU", ec, chain(ec, leaf(ec, spec().withExtendedKeyUsages(EnumSet.of(ExtendedKeyUsage.CLIENT_AUTH)))), "ECDHE_ECDSA", false));
        scenarios.add(new Scenario("no EKU", ec, chain(ec, leaf(ec, spec().withExtendedKeyUsages(Set.of()))), "ECDHE_ECDSA", true));
        scenarios.add(new Scenario("key usage without digitalSignature", ec,
                chain(ec, leaf(ec, spec().withKeyUsages(EnumSet.of(CertificateSpec.KeyUsage.KEY_ENCIPHERMENT)))), "ECDHE_ECDSA", false));
        IssuedCertificate notCa = ec.leaf();
        scenarios.add(new Scenario("issued by a leaf", ec, List.of(PKI.issue(spec().withKeyType(CertificateKeyType.EC_P256)
                .withDnsNames(HOST), notCa).certificate(), notCa.certificate(), intermediate), "ECDHE_ECDSA", false));
        IssuedCertificate impostor = PKI.issue(CertificateSpec.authority(intermediate.getSubjectX500Principal().getName(),
                CertificateKeyType.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(30)), other.root());
        scenarios.add(new Scenario("leaf signature by an impostor", ec,
                List.of(PKI.issue(spec(), impostor).certificate(), intermediate), "ECDHE_ECDSA", false));
        return scenarios;
    }

    private static CertificateSpec spec() {
        return CertificateSpec.endEntity("CN=Agree Leaf", CertificateKeyType.EC_P256, NOW.minus(Duration.ofHours(1)), Duration.ofDays(30))
                .withDnsNames(HOST);
    }

    private static IssuedCertificate leaf(TestPki.Hierarchy hierarchy, CertificateSpec spec) {
        return PKI.issue(spec, hierarchy.intermediate());
    }

    private static List<X509Certificate> chain(TestPki.Hierarchy hierarchy, IssuedCertificate leaf) {
        return List.of(leaf.certificate(), hierarchy.intermediate().certificate());
    }

    private static boolean oursAccepts(Scenario scenario) {
        List<X509Certificate> chain = scenario.chain();
        LeafKeyUse use = scenario.authType().equals("RSA") ? LeafKeyUse.KEY_ENCIPHERMENT : LeafKeyUse.DIGITAL_SIGNATURE;
        try {
            CertificateVerifier.pkix(scenario.trusted().anchors()).verifyServer(CertificateChain.of(chain), HOST, use);
            return true;
        } catch (TlsException e) {
            return false;
        }
    }

    private static boolean jdkAccepts(Scenario scenario) throws Exception {
        List<X509Certificate> chain = scenario.chain();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", scenario.trusted().root().certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
        try {
            manager.checkServerTrusted(chain.toArray(X509Certificate[]::new), scenario.authType());
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }
}
