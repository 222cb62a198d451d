package io.tlsmachine.impl.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec;
import io.tlsmachine.impl.certificate.issuing.IssuedCertificate;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameVerifierTest {

    /** The exhaustive small table of RFC 9525 §6.3 / §7.1 DNS name matching. */
    @ParameterizedTest(name = "[{index}] presented {0} vs host {1} -> {2}")
    @CsvSource({
            // exact names, case-insensitive, trailing dots on either side
            "example.com,            example.com,          true",
            "EXAMPLE.com,            example.COM,          true",
            "example.com.,           example.com,          true",
            "example.com,            example.com.,         true",
            "example.com.,           example.com.,         true",
            "example.com,            www.example.com,      false",
            "www.example.com,        example.com,          false",
            "example.com,            example.co,           false",
            "example.com,            xexample.com,         false",
            // the wildcard: whole left-most label, exactly one label
            "*.example.com,          a.example.com,        true",
            "*.example.com,          A.EXAMPLE.COM,        true",
            "*.Example.Com,          www.example.com,      true",
            "*.example.com.,         a.example.com,        true",
            "*.example.com,          a.example.com.,       true",
            "*.example.com,          example.com,          false",
            "*.example.com,          .example.com,         false",
            "*.example.com,          a.b.example.com,      false",
            "*.example.com,          a.example.org,        false",
            "*.example.com,          aexample.com,         false",
            // partial and misplaced wildcards are not supported
            "f*.example.com,         foo.example.com,      false",
            "*o.example.com,         foo.example.com,      false",
            "f*o.example.com,        foo.example.com,      false",
            "a.*.example.com,        a.b.example.com,      false",
            "*.*.example.com,        a.b.example.com,      false",
            "www.example.*,          www.example.com,      false",
            "*,                      com,                  false",
            "**.example.com,         a.example.com,        false",
            // public-suffix-like two-label wildcards match nothing
            "*.com,                  example.com,          false",
            "*.com.,                 example.com,          false",
            "*.,                     com,                  false",
            // a wildcard never matches an IP address
            "*.0.0.1,                127.0.0.1,            false",
            "127.0.0.1,              127.0.0.1,            false",
            "127.0.0.1,              127.0.0.1.,           false",
            // IDNA: A-labels compare as-is; a U-label host is converted first
            "xn--bcher-kva.example,  xn--bcher-kva.example, true",
            "xn--bcher-kva.example,  bücher.example,       true",
            "*.xn--bcher-kva.example, a.bücher.example,    true",
            "bücher.example,         bücher.example,       false",
            // empty labels and wildcards in the host are not names
            "a..example.com,         a..example.com,       false",
            "*.example.com,          *.example.com,        false",
    })
    void matchesDnsNamesPerRfc9525(String presented, String host, boolean expected) {
        assertThat(HostnameVerifier.matchesDnsName(presented, host)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] IP SANs {0} vs host {1} -> {2}")
    @CsvSource({
            "127.0.0.1,    127.0.0.1,     true",
            "127.0.0.1,    127.0.0.2,     false",
            "::1,          ::1,           true",
            "::1,          [::1],         true",
            "::1,          0:0:0:0:0:0:0:1, true",
            "2001:db8::1,  2001:DB8:0::1, true",
            "127.0.0.1,    ::1,           false",
            "10.0.0.1,     010.0.0.1,     false",
    })
    void matchesIpAddressesByTheirBytes(String presented, String host, boolean expected) {
        assertThat(HostnameVerifier.matches(List.of(), List.of(presented), host)).isEqualTo(expected);
    }

    @Test
    void doesNotMatchAnIpHostAgainstADnsNameHoldingTheSameText() {
        assertThat(HostnameVerifier.matches(List.of("127.0.0.1"), List.of(), "127.0.0.1")).isFalse();
    }

    @Test
    void doesNotMatchADnsHostAgainstAnIpAddress() {
        assertThat(HostnameVerifier.matches(List.of(), List.of("127.0.0.1"), "localhost")).isFalse();
    }

    @Test
    void acceptsACertificateNamingTheHostAmongSeveralNames() {
        X509Certificate leaf = leaf(spec().withDnsNames("other.example", "*.example.com").withIpAddresses("192.0.2.7"));

        assertThatCode(() -> HostnameVerifier.verify(leaf, "www.example.com")).doesNotThrowAnyException();
        assertThatCode(() -> HostnameVerifier.verify(leaf, "192.0.2.7")).doesNotThrowAnyException();
    }

    @Test
    void rejectsAWrongHostWithBadCertificateNamingTheHost() {
        X509Certificate leaf = leaf(spec().withDnsNames("server.example.com"));

        assertThatThrownBy(() -> HostnameVerifier.verify(leaf, "evil.example.net"))
                .isInstanceOf(TlsException.class)
                .hasMessageContaining("\"evil.example.net\"")
                .hasMessageContaining("server.example.com")
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.BAD_CERTIFICATE);
    }

    @Test
    void neverUsesTheCommonNameEvenWithoutSubjectAltNames() {
        X509Certificate leaf = leaf(CertificateSpec.endEntity("CN=server.example.com", CertificateKeyType.EC_P256,
                Fixtures.NOW, Duration.ofDays(1)));

        assertThatThrownBy(() -> HostnameVerifier.verify(leaf, "server.example.com"))
                .isInstanceOf(TlsException.class)
                .hasMessageContaining("common name is not used")
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.BAD_CERTIFICATE);
    }

    @Test
    void refusesToVerifyWithoutAHostName() {
        X509Certificate leaf = leaf(spec().withDnsNames("server.example.com"));

        assertThatThrownBy(() -> HostnameVerifier.verify(leaf, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static CertificateSpec spec() {
        return CertificateSpec.endEntity("CN=Hostname Test", CertificateKeyType.EC_P256, Fixtures.NOW, Duration.ofDays(1));
    }

    private static X509Certificate leaf(CertificateSpec spec) {
        IssuedCertificate issued = Fixtures.PKI.issue(spec, Fixtures.EC.intermediate());
        return issued.certificate();
    }
}
