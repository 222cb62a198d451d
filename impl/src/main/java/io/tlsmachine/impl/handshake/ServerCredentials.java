package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.CredentialSelector;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithmsCert;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.TlsConfig;
import java.security.interfaces.EdECKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses, for one ClientHello, which of the server's certified keys it presents and the scheme it signs with
 * ({@link CredentialSelector}: the client's signature_algorithms and signature_algorithms_cert, server name, our
 * order). In TLS 1.2 per cipher suite: RFC 5246 §7.4.2 (the key must suit the suite's authentication: ECDSA and EdDSA
 * keys for ECDHE_ECDSA, RSA keys for ECDHE_RSA, DHE_RSA and RSA key transport, which needs keyEncipherment), RFC 4492 §5.3 and
 * RFC 8422 §5.3 (an ECDSA key on a curve the client's supported_groups lists), RFC 5246 §7.4.1.4.1 (a scheme of the
 * client's signature_algorithms).
 */
final class ServerCredentials {

    /** The three ways a TLS 1.2 suite authenticates the server. */
    private enum Authentication { ECDSA_SIGNATURE, RSA_SIGNATURE, RSA_KEY_TRANSPORT }

    private final TlsConfig config;
    private final ClientHello hello;
    private final Optional<String> serverName;
    private final Map<Authentication, Optional<CredentialSelector.Selection>> chosen = new EnumMap<>(Authentication.class);
    /** Whether an ECDSA key was passed over only because the client's supported_groups lacks its curve. */
    private boolean curveRefused;
    /** Whether a key of the right type was passed over because it cannot sign with the client's schemes. */
    private boolean schemeRefused;

    ServerCredentials(TlsConfig config, ClientHello hello, Optional<String> serverName) {
        this.config = config;
        this.hello = hello;
        this.serverName = serverName;
    }

    /**
     * TLS 1.3, RFC 8446 §4.4.2.2: the certificate "MUST be compatible with the selected authentication algorithm from
     * the client's "signature_algorithms" extension"; with none that can sign, handshake_failure (§4.2.3).
     *
     * @throws TlsException NO_COMMON_SIGNATURE_SCHEME, or MISSING_EXTENSION without signature_algorithms
     */
    CredentialSelector.Selection forTls13() {
        return CredentialSelector.forServer(config.certifiedKeys(), serverName, offeredSchemes(), schemesForChains(),
                config.signatureSchemes(), VersionCode.TLS13);
    }

    /** TLS 1.2: the credential (and scheme, null under RSA key transport) for {@code suite}, empty when none serves it. */
    Optional<CredentialSelector.Selection> forSuite(SuiteParameters suite) {
        Authentication authentication = suite.keyExchange() == KeyExchangeKind.RSA ? Authentication.RSA_KEY_TRANSPORT
                : suite.ecdsaAuthentication() ? Authentication.ECDSA_SIGNATURE : Authentication.RSA_SIGNATURE;
        return chosen.computeIfAbsent(authentication, this::choose);
    }

    /**
     * The failure when suites were passed over for want of a credential: an ECDSA certificate on a curve the client
     * did not list (NO_COMMON_CIPHER_SUITE, as no other suite can serve it), or no key that signs with the client's
     * schemes (NO_COMMON_SIGNATURE_SCHEME, RFC 5246 §7.4.1.4.1); both handshake_failure.
     */
    Optional<TlsException> failure() {
        if (curveRefused && !schemeRefused) {
            return Optional.of(TlsException.fatal(Reason.NO_COMMON_CIPHER_SUITE,
                    "the client's supported_groups does not list the curve of our ECDSA certificate"));
        }
        if (schemeRefused) {
            return Optional.of(TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME,
                    "none of our certificates can sign with the client's signature schemes in TLS 1.2"));
        }
        return Optional.empty();
    }

    private Optional<CredentialSelector.Selection> choose(Authentication authentication) {
        Optional<List<NamedGroup>> clientCurves = hello.extension(SupportedGroups.class).map(SupportedGroups::groups);
        List<CertifiedKey> candidates = config.certifiedKeys().stream().filter(key -> switch (authentication) {
            // RFC 8422 §5.1: the ECDHE_ECDSA suites also carry EdDSA certificates.
            case ECDSA_SIGNATURE -> "EC".equals(key.privateKey().getAlgorithm()) || key.privateKey() instanceof EdECKey;
            case RSA_SIGNATURE -> "RSA".equals(key.privateKey().getAlgorithm());
            case RSA_KEY_TRANSPORT -> "RSA".equals(key.privateKey().getAlgorithm()) && allowsKeyEncipherment(key);
        }).toList();
        List<CertifiedKey> onOfferedCurves = candidates.stream()
                .filter(key -> CertificateCurves.acceptable(key.privateKey(), clientCurves)).toList();
        curveRefused |= onOfferedCurves.size() < candidates.size();
        if (onOfferedCurves.isEmpty()) {
            return Optional.empty();
        }
        if (authentication == Authentication.RSA_KEY_TRANSPORT) {
            // RFC 5246 §7.4.3: under RSA key transport the server signs nothing.
            return Optional.of(new CredentialSelector.Selection(onOfferedCurves.get(0), null));
        }
        Optional<CredentialSelector.Selection> selection = CredentialSelector.forServerIfAny(onOfferedCurves, serverName,
                offeredSchemes(), schemesForChains(), config.signatureSchemes(), VersionCode.TLS12);
        schemeRefused |= selection.isEmpty();
        return selection;
    }

    private List<SignatureScheme> offeredSchemes() {
        return hello.extension(SignatureAlgorithms.class).map(SignatureAlgorithms::schemes)
                .orElseThrow(() -> TlsException.fatal(Reason.MISSING_EXTENSION, "ClientHello without signature_algorithms"));
    }

    /** RFC 8446 §4.2.3: signature_algorithms_cert, else signature_algorithms, applies to the chain's signatures. */
    private List<SignatureScheme> schemesForChains() {
        return hello.extension(SignatureAlgorithmsCert.class).map(SignatureAlgorithmsCert::schemes).orElseGet(this::offeredSchemes);
    }

    /** RFC 5246 §7.4.2: an RSA key transport certificate must allow keyEncipherment when it has a key usage extension. */
    private static boolean allowsKeyEncipherment(CertifiedKey key) {
        boolean[] usage = key.chain().leaf().getKeyUsage();
        return usage == null || (usage.length > 2 && usage[2]);
    }
}
