package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A TLS 1.3 protection keyed from its traffic secret on first use behaves as one keyed at once (RFC 8446 §7.3). */
class DeferredTls13ProtectionTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.jdk();
    private static final Tls13Hkdf HKDF = new Tls13Hkdf(CRYPTO, HashAlgorithm.SHA256);

    private static TrafficSecret secret(int seed) {
        return TrafficSecret.of(HKDF, Secret.copyOf(bytes(32, seed)));
    }

    private static Tls13AeadProtection eager(TrafficSecret secret, AeadAlgorithm algorithm) {
        return Tls13AeadProtection.create(Epoch.APPLICATION, CRYPTO, secret.trafficKeys(algorithm));
    }

    private static Tls13AeadProtection deferred(TrafficSecret secret, AeadAlgorithm algorithm) {
        return Tls13AeadProtection.deferred(Epoch.APPLICATION, algorithm, secret);
    }

    private static void assertOpens(Tls13AeadProtection sealer, Tls13AeadProtection opener, int records) {
        for (int i = 0; i < records; i++) {
            byte[] content = bytes(40 + i, i);
            byte[] record = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, i);
            OpenedRecord opened = opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length));
            assertThat(opened.type()).isEqualTo(ContentType.APPLICATION_DATA);
            assertThat(opened.content()).isEqualTo(content);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void aDeferredProtectionSealsWhatAnEagerOneOpensAndOpensWhatItSeals(AeadAlgorithm algorithm) {
        TrafficSecret secret = secret(1);
        assertOpens(deferred(secret, algorithm), eager(secret, algorithm), 3);
        assertOpens(eager(secret, algorithm), deferred(secret, algorithm), 3);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void keyingNowLetsTheOwnerReplaceTheSecretBeforeTheFirstRecord(AeadAlgorithm algorithm) {
        TrafficSecret secret = secret(2);
        Tls13AeadProtection opener = eager(secret, algorithm);
        Tls13AeadProtection sealer = deferred(secret, algorithm);
        sealer.keyNow();
        TrafficSecret next = secret.nextGeneration();
        assertThat(secret.secret().isDestroyed()).isTrue();
        assertOpens(sealer, opener, 2);
        assertThat(next.secret().isDestroyed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void anUnusedDeferredProtectionKnowsItsSizesAsksForNoRekeyAndLeavesTheSecretToItsOwnerOnDestroy(AeadAlgorithm algorithm) {
        TrafficSecret secret = secret(3);
        Tls13AeadProtection unused = deferred(secret, algorithm);
        assertThat(unused.sealedLength(10, 2)).isEqualTo(eager(secret, algorithm).sealedLength(10, 2));
        assertThat(unused.shouldRekey()).isFalse();
        assertThat(unused.toString()).doesNotContain(Arrays.toString(secret.secret().bytes()));

        unused.destroy();

        assertThat(secret.secret().isDestroyed()).isFalse();
        byte[] content = bytes(8, 3);
        assertThatThrownBy(() -> unused.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
