package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ApplicationLayerProtocolNegotiation;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.WithExtensions;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Converts between configuration values and hello extension contents, shared by both roles. */
final class Hellos {

    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2. */
    static final byte[] DOWNGRADE_TLS12 = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01};
    /** RFC 8446 §4.1.3: ... when it negotiates TLS 1.1 or below. */
    static final byte[] DOWNGRADE_TLS11 = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00};

    private Hellos() {
    }

    static List<NamedGroup> namedGroups(List<KeyExchangeGroup> groups) {
        return groups.stream().map(g -> new NamedGroup(g.code())).toList();
    }

    static List<SignatureScheme> schemes(List<SignatureAlgorithm> algorithms) {
        return algorithms.stream().map(a -> new SignatureScheme(a.code())).toList();
    }

    static NamedGroup named(KeyExchangeGroup group) {
        return new NamedGroup(group.code());
    }

    static ApplicationLayerProtocolNegotiation alpn(List<String> protocols) {
        return new ApplicationLayerProtocolNegotiation(
                protocols.stream().map(p -> Opaque.of(p.getBytes(StandardCharsets.US_ASCII))).toList());
    }

    static String protocolName(Opaque name) {
        return new String(name.toByteArray(), StandardCharsets.US_ASCII);
    }

    /** Tells whether a server random carries a downgrade sentinel (RFC 8446 §4.1.3). */
    static boolean hasDowngradeSentinel(byte[] serverRandom) {
        byte[] tail = Arrays.copyOfRange(serverRandom, 24, 32);
        return Arrays.equals(tail, DOWNGRADE_TLS12) || Arrays.equals(tail, DOWNGRADE_TLS11);
    }

    /**
     * RFC 7301 §3.2: the client checks that the server selected exactly one protocol it offered.
     */
    static Optional<String> checkSelectedProtocol(WithExtensions message, List<String> offered) {
        Optional<ApplicationLayerProtocolNegotiation> selected = message.extension(ApplicationLayerProtocolNegotiation.class);
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        List<Opaque> names = selected.get().protocols();
        if (names.size() != 1 || !offered.contains(protocolName(names.get(0)))) {
            throw TlsException.fatal(Reason.UNOFFERED_PARAMETER_SELECTED, "the server selected an ALPN protocol we did not offer");
        }
        return Optional.of(protocolName(names.get(0)));
    }

    /** RFC 7301 §3.2: the server picks its most preferred protocol the client offered; none is fatal. */
    static Optional<String> selectProtocol(WithExtensions clientHello, List<String> ours) {
        Optional<ApplicationLayerProtocolNegotiation> offered = clientHello.extension(ApplicationLayerProtocolNegotiation.class);
        if (offered.isEmpty() || ours.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = offered.get().protocols().stream().map(Hellos::protocolName).toList();
        for (String protocol : ours) {
            if (names.contains(protocol)) {
                return Optional.of(protocol);
            }
        }
        throw TlsException.fatal(Reason.NO_APPLICATION_PROTOCOL, "none of the client's ALPN protocols " + names + " is enabled");
    }

    static List<Extension> list(Extension... extensions) {
        return List.of(extensions);
    }
}
