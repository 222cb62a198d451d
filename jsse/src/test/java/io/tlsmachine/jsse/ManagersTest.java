package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;

/**
 * The key manager's credential is built once per alias (building proves the key belongs to the leaf, a signature
 * each time), and built again when the key manager's chain or key for that alias changes.
 */
class ManagersTest {
    private final X509ExtendedKeyManager ec = keyManager(new JssePki(CertificateKeyType.EC_P256));
    private final X509ExtendedKeyManager rsa = keyManager(new JssePki(CertificateKeyType.RSA_2048));

    @Test
    void theSameAliasChainAndKeyGiveTheSameCredential() {
        SwitchingKeyManager keys = new SwitchingKeyManager(ec);
        Managers managers = new Managers(keys, null, new SecureRandom());

        CertifiedKey first = managers.serverCredential(null, null, List.of("EC")).orElseThrow();
        CertifiedKey second = managers.serverCredential(null, null, List.of("EC")).orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(first.chain().certificates()).containsExactly(keys.getCertificateChain(keys.alias));
    }

    @Test
    void aChangedChainOrKeyUnderTheSameAliasIsBuiltAgain() {
        SwitchingKeyManager keys = new SwitchingKeyManager(ec);
        Managers managers = new Managers(keys, null, new SecureRandom());
        CertifiedKey before = managers.serverCredential(null, null, List.of("EC")).orElseThrow();

        keys.delegate = rsa;
        CertifiedKey after = managers.serverCredential(null, null, List.of("EC")).orElseThrow();

        assertThat(after).isNotSameAs(before);
        assertThat(after.privateKey()).isEqualTo(rsa.getPrivateKey(rsa.chooseEngineServerAlias("RSA", null, null)));
    }

    private static X509ExtendedKeyManager keyManager(JssePki pki) {
        return (X509ExtendedKeyManager) pki.keyManagerFactory().getKeyManagers()[0];
    }

    /** Answers every key type with one fixed alias, whose chain and key come from a delegate that a test can swap. */
    private static final class SwitchingKeyManager extends X509ExtendedKeyManager {
        final String alias = "the-alias";
        volatile X509ExtendedKeyManager delegate;

        SwitchingKeyManager(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        private String delegateAlias() {
            for (String type : new String[] {"EC", "RSA"}) {
                String chosen = delegate.chooseEngineServerAlias(type, null, null);
                if (chosen != null) {
                    return chosen;
                }
            }
            throw new AssertionError("the delegate has no server alias");
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return delegate.getCertificateChain(delegateAlias());
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return delegate.getPrivateKey(delegateAlias());
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return alias;
        }
    }
}
