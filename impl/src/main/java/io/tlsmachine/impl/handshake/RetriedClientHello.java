package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Cookie;
import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.Padding;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.MessageDigest;
import java.util.List;

/**
 * The server's check that a second ClientHello (after HelloRetryRequest) is the first one with only the changes
 * RFC 8446 §4.1.2 allows, and that it echoes our cookie (§4.2.2).
 *
 * <p>RFC 8446 §4.1.2: the client sends the same ClientHello except that it may replace key_share with one share
 * for the requested group, remove early_data, add the cookie, update pre_shared_key (ticket age and binders,
 * possibly dropping PSKs) and change padding. Anything else changed is illegal_parameter.
 */
final class RetriedClientHello {

    private RetriedClientHello() {
    }

    /**
     * Fails with {@link Reason#ILLEGAL_HELLO_RETRY} (illegal_parameter) unless {@code second} differs from
     * {@code first} only as allowed and carries {@code cookie} when we sent one.
     *
     * @param cookie the cookie our HelloRetryRequest carried, or null when it carried none
     */
    static void check(ClientHello first, ClientHello second, Opaque cookie) {
        if (!first.legacyVersion().equals(second.legacyVersion()) || !first.random().equals(second.random())
                || !first.legacySessionId().equals(second.legacySessionId()) || !first.cipherSuites().equals(second.cipherSuites())
                || !first.legacyCompressionMethods().equals(second.legacyCompressionMethods())) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "the second ClientHello changed a field outside its extensions");
        }
        // RFC 8446 §4.2.10: a client must not offer 0-RTT after a HelloRetryRequest.
        if (second.extension(EarlyData.class).isPresent()) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "the second ClientHello offers early data");
        }
        if (!unchangeable(first.extensions()).equals(unchangeable(second.extensions()))) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY,
                    "the second ClientHello changed an extension other than key_share, early_data, cookie, pre_shared_key and padding");
        }
        Opaque echoed = second.extension(Cookie.class).map(Cookie::cookie).orElse(null);
        if (cookie == null ? echoed != null : echoed == null || !MessageDigest.isEqual(cookie.toByteArray(), echoed.toByteArray())) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "the second ClientHello does not echo the HelloRetryRequest's cookie");
        }
    }

    /** The extensions a second ClientHello must repeat unchanged and in order. */
    private static List<Extension> unchangeable(List<Extension> extensions) {
        return extensions.stream().filter(e -> !(e instanceof KeyShareOffer || e instanceof EarlyData || e instanceof Cookie
                || e instanceof PreSharedKeyOffer || e instanceof Padding)).toList();
    }
}
