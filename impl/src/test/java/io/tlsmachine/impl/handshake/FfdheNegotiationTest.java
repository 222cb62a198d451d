package io.tlsmachine.impl.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7919 group negotiation rules, value checks and the RFC 5246 §8.1.2 premaster encoding. */
class FfdheNegotiationTest {

    private static final TlsConfig DHE = TlsConfig.builder().cipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256).build();
    private static final NamedGroup FFDHE2048 = new NamedGroup(KeyExchangeGroup.FFDHE2048.code());
    private static final NamedGroup FFDHE3072 = new NamedGroup(KeyExchangeGroup.FFDHE3072.code());
    private static final NamedGroup FFDHE8192 = new NamedGroup(0x0104);

    @Test
    void serverPicksItsFirstGroupTheClientListsAndNoneWhenTheClientListsOnlyOthers() {
        assertThat(FfdheNegotiation.serverChoice(DHE, List.of(FFDHE3072, FFDHE2048))).contains(KeyExchangeGroup.FFDHE2048);
        assertThat(FfdheNegotiation.serverChoice(DHE, List.of(FFDHE3072))).contains(KeyExchangeGroup.FFDHE3072);
        // RFC 7919 §4: a finite-field code point unknown to us still makes the client RFC 7919-aware.
        assertThat(FfdheNegotiation.serverChoice(DHE, List.of(FFDHE8192))).isEqualTo(Optional.empty());
        assertThat(FfdheNegotiation.serverChoice(DHE, List.of(new NamedGroup(0x001D)))).contains(KeyExchangeGroup.FFDHE2048);
    }

    @Test
    void clientOffersFfdheGroupsOnlyWithADheSuite() {
        assertThat(FfdheNegotiation.offered(TlsConfig.builder().build())).noneMatch(FfdheGroups::isFfdhe);
        assertThat(FfdheNegotiation.offered(DHE)).endsWith(KeyExchangeGroup.FFDHE2048, KeyExchangeGroup.FFDHE3072);
        TlsConfig chosen = TlsConfig.builder().cipherSuites(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)
                .groups(KeyExchangeGroup.FFDHE3072, KeyExchangeGroup.X25519).build();
        assertThat(FfdheNegotiation.offered(chosen)).containsExactly(KeyExchangeGroup.FFDHE3072, KeyExchangeGroup.X25519);
    }

    @Test
    void publicValueIsRangeCheckedAndLeftPadded() {
        BigInteger p = FfdheGroups.prime(KeyExchangeGroup.FFDHE2048);
        byte[] padded = FfdheNegotiation.checkPublicValue(p, Opaque.of(new byte[] {2}));
        assertThat(padded).hasSize(256);
        assertThat(padded[255]).isEqualTo((byte) 2);
        for (BigInteger y : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p, p.add(BigInteger.ONE))) {
            assertThatThrownBy(() -> FfdheNegotiation.checkPublicValue(p, Opaque.of(y.toByteArray())))
                    .isInstanceOfSatisfying(TlsException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DH_PUBLIC_VALUE_OUT_OF_RANGE));
        }
    }

    @Test
    void premasterDropsLeadingZeroBytesAndDestroysThePaddedSecret() {
        Secret padded = Secret.copyOf(new byte[] {0, 0, 7, 0, 9});
        Secret premaster = FfdheNegotiation.premaster(padded);
        assertThat(premaster.bytes()).containsExactly(7, 0, 9);
        assertThat(padded.isDestroyed()).isTrue();
    }
}
