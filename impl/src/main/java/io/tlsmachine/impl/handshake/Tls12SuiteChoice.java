package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.CredentialSelector;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import java.util.Optional;

/**
 * The TLS 1.2 server's suite, key exchange group and credential: our most preferred suite the client offered that one
 * of our certified keys can serve (see {@link ServerCredentials}) and whose key exchange has what it needs (a common
 * curve for ECDHE, an acceptable finite-field group for DHE); {@code group} is null under RSA key transport, and so is
 * the selection's scheme.
 */
record Tls12SuiteChoice(SuiteParameters suite, KeyExchangeGroup group, CredentialSelector.Selection credential) {

    /**
     * RFC 5246 §7.4.1.3, RFC 8422 §5.1 (ECDHE), RFC 7919 §4 (DHE), RFC 5246 §7.4.2 (the certificate suits the suite).
     * When a DHE suite was passed over only because none of the client's finite-field groups is acceptable and
     * nothing else is, RFC 7919 §4 asks for insufficient_security; when suites were passed over for want of a
     * credential, {@link ServerCredentials#failure()} says why (handshake_failure).
     */
    static Tls12SuiteChoice select(TlsConfig config, ClientHello hello, ServerCredentials credentials) {
        List<NamedGroup> clientGroups = hello.extension(SupportedGroups.class).map(SupportedGroups::groups).orElse(List.of());
        boolean noCurve = false;
        boolean noFfdheGroup = false;
        for (CipherSuite offered : config.cipherSuites()) {
            Optional<SuiteParameters> p = SuiteParameters.of(offered);
            if (p.isEmpty() || p.get().version() != ProtocolVersion.TLS12 || !hello.cipherSuites().contains(offered)) {
                continue;
            }
            Optional<CredentialSelector.Selection> credential = credentials.forSuite(p.get());
            if (credential.isEmpty()) {
                continue;
            }
            switch (p.get().keyExchange()) {
                case ECDHE -> {
                    // draft-ietf-tls-ecdhe-mlkem §1: the KEM groups are TLS 1.3 only.
                    Optional<KeyExchangeGroup> curve = config.groups().stream().filter(g -> !FfdheGroups.isFfdhe(g) && !g.isKem())
                            .filter(g -> clientGroups.contains(Hellos.named(g))).findFirst();
                    if (curve.isPresent()) {
                        return new Tls12SuiteChoice(p.get(), curve.get(), credential.get());
                    }
                    noCurve = true;
                }
                case DHE -> {
                    Optional<KeyExchangeGroup> group = FfdheNegotiation.serverChoice(config, clientGroups);
                    if (group.isPresent()) {
                        return new Tls12SuiteChoice(p.get(), group.get(), credential.get());
                    }
                    noFfdheGroup = true;
                }
                case RSA -> {
                    return new Tls12SuiteChoice(p.get(), null, credential.get());
                }
            }
        }
        if (noFfdheGroup) {
            throw TlsException.fatal(Reason.INSUFFICIENT_SECURITY,
                    "none of the client's finite-field groups is one of ours, and no other suite is possible (RFC 7919 §4)");
        }
        if (noCurve) {
            throw TlsException.fatal(Reason.NO_COMMON_GROUP, "no elliptic curve in common with the client");
        }
        Optional<TlsException> noCredential = credentials.failure();
        if (noCredential.isPresent()) {
            throw noCredential.get();
        }
        throw TlsException.fatal(Reason.NO_COMMON_CIPHER_SUITE, "none of the client's " + hello.cipherSuites().size()
                + " cipher suites is enabled for TLS 1.2 with our certificates");
    }
}
