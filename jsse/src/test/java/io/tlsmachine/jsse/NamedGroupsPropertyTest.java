package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.security.KeyManagementException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code jdk.tls.namedGroups} chooses our provider's groups as it chooses SunJSSE's. */
@Timeout(60)
class NamedGroupsPropertyTest {
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @Test
    void standardNamesInOrderCaseAndQuotesAsSunJsseReadsThem() {
        assertThat(NamedGroupsProperty.parse("\"x25519, SECP256R1,X25519MLKEM768\""))
                .contains(List.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1, KeyExchangeGroup.X25519MLKEM768));
        assertThat(NamedGroupsProperty.parse("SecP256r1MLKEM768,ffdhe2048"))
                .contains(List.of(KeyExchangeGroup.SECP256R1MLKEM768, KeyExchangeGroup.FFDHE2048));
    }

    @Test
    void unknownNamesAreIgnoredAndUnsetOrBlankMeansTheDefaults() {
        assertThat(NamedGroupsProperty.parse("brainpoolP256r1,secp384r1,secp384r1"))
                .contains(List.of(KeyExchangeGroup.SECP384R1));
        assertThat(NamedGroupsProperty.parse(null)).isEmpty();
        assertThat(NamedGroupsProperty.parse(" ")).isEmpty();
    }

    @Test
    void aListNamingNoSupportedGroupIsAnError() {
        assertThatThrownBy(() -> NamedGroupsProperty.parse("brainpoolP256r1,bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdk.tls.namedGroups").hasMessageContaining("names no supported group");
    }

    @Test
    void bothOfOurEnginesNegotiateTheGroupThePropertyNames() throws Exception {
        assertThat(negotiatedGroup(null)).contains(KeyExchangeGroup.X25519MLKEM768);
        assertThat(negotiatedGroup("x25519")).contains(KeyExchangeGroup.X25519);
        assertThat(negotiatedGroup("bogus,secp384r1")).contains(KeyExchangeGroup.SECP384R1);
    }

    @Test
    void aPropertyNamingNoSupportedGroupFailsTheContextsInitWithItsName() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", new TlsMachineProvider());
        String before = System.getProperty(NamedGroupsProperty.PROPERTY);
        set("bogus");
        try {
            assertThatThrownBy(() -> context.init(null, null, null)).isInstanceOf(KeyManagementException.class)
                    .hasMessageContaining("jdk.tls.namedGroups (bogus) names no supported group");
        } finally {
            set(before);
        }
    }

    @Test
    void thePropertyIsReadWhenTheContextIsInitialised() throws Exception {
        String before = System.getProperty(NamedGroupsProperty.PROPERTY);
        set("x25519");
        SSLContext client;
        SSLContext server;
        try {
            client = pki.ours("TLSv1.3");
            server = pki.ours("TLSv1.3");
        } finally {
            set(before);
        }
        assertThat(handshake(client, server)).contains(KeyExchangeGroup.X25519);
    }

    private Optional<KeyExchangeGroup> negotiatedGroup(String property) throws Exception {
        String before = System.getProperty(NamedGroupsProperty.PROPERTY);
        set(property);
        try {
            return handshake(pki.ours("TLSv1.3"), pki.ours("TLSv1.3"));
        } finally {
            set(before);
        }
    }

    private static Optional<KeyExchangeGroup> handshake(SSLContext client, SSLContext server) throws Exception {
        SSLEngine clientEngine = client.createSSLEngine(JssePki.HOST, 8443);
        clientEngine.setUseClientMode(true);
        SSLEngine serverEngine = server.createSSLEngine();
        serverEngine.setUseClientMode(false);
        EnginePair pair = new EnginePair(clientEngine, serverEngine, false, false);
        pair.handshake();
        Optional<KeyExchangeGroup> clientSide = ((TlsMachineSession) clientEngine.getSession())
                .negotiatedParameters().orElseThrow().group();
        assertThat(((TlsMachineSession) serverEngine.getSession()).negotiatedParameters().orElseThrow().group())
                .isEqualTo(clientSide);
        return clientSide;
    }

    private static void set(String value) {
        if (value == null) {
            System.clearProperty(NamedGroupsProperty.PROPERTY);
        } else {
            System.setProperty(NamedGroupsProperty.PROPERTY, value);
        }
    }
}
