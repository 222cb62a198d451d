package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Diffie-Hellman in a server-chosen (custom) group, checked against the named-group key exchanges. */
class CustomDhKeyExchangeTest {

    private static final BigInteger P = FfdheGroups.prime(KeyExchangeGroup.FFDHE3072);

    @Test
    void agreesWithTheNamedGroupExchangeOfEveryProviderOnTheSamePrime() {
        Providers.all().forEach(provider -> {
            KeyExchange named = provider.generateKeyExchange(KeyExchangeGroup.FFDHE3072, new SecureRandom());
            CustomDhKeyExchange custom = CustomDhKeyExchange.generate(P, BigInteger.TWO, new SecureRandom());
            assertThat(custom.publicValue()).hasSize(384);
            assertThat(custom.agree(named.publicShare()).bytes())
                    .as(provider.name()).isEqualTo(named.agree(custom.publicValue()).bytes());
        });
    }

    @Test
    void twoCustomExchangesAgreeAndAreUnusableAfterDestroy() {
        CustomDhKeyExchange a = CustomDhKeyExchange.generate(P, BigInteger.TWO, new SecureRandom());
        CustomDhKeyExchange b = CustomDhKeyExchange.generate(P, BigInteger.TWO, new SecureRandom());
        assertThat(a.agree(b.publicValue()).bytes()).isEqualTo(b.agree(a.publicValue()).bytes());
        a.destroy();
        assertThat(a.isDestroyed()).isTrue();
        assertThat(a.toString()).contains("3072-bit p", "destroyed");
        assertThatThrownBy(() -> a.agree(b.publicValue())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void groupTheJdkRefusesIsInsufficientSecurity() {
        BigInteger odd = BigInteger.ONE.shiftLeft(2050).add(BigInteger.valueOf(3));
        assertThatThrownBy(() -> CustomDhKeyExchange.generate(odd, BigInteger.TWO, new SecureRandom()))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_SECURITY));
    }
}
