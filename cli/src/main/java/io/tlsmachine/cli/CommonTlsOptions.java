package io.tlsmachine.cli;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.TransitionListener;
import io.tlsmachine.KeyLog;
import io.tlsmachine.model.ProtocolVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options the {@code server} and {@code client} commands share, and how they become a {@link TlsConfig}. */
final class CommonTlsOptions {
    @Option(names = "--versions", split = ",", description = "protocol versions in preference order, e.g. 1.3,1.2")
    List<String> versions;

    @Option(names = "--groups", split = ",", description = "key exchange groups, e.g. x25519mlkem768,x25519,secp256r1 (also P-256, prime256v1; "
            + "default: post-quantum hybrid first, then x25519, secp256r1, secp384r1, secp521r1, see the README). x448 and "
            + "ffdhe2048/ffdhe3072 only when listed: X448 costs 4x X25519, and an FFDHE share costs the server far more "
            + "than an ECDHE one (and the client nothing more when it reuses its share)")
    List<String> groups;

    @Option(names = "--suites", split = ",", description = "cipher suites by RFC or OpenSSL name, e.g. TLS_AES_128_GCM_SHA256,"
            + "ECDHE-ECDSA-AES128-GCM-SHA256; TLS_DHE_RSA_* and TLS_RSA_* only when listed")
    List<String> suites;

    @Option(names = "--cert", description = "our certificate chain (PEM, leaf first); the server takes several "
            + "(each with its --key, in order), e.g. RSA and ECDSA, and presents per handshake the one the client's "
            + "signature algorithms (and TLS 1.2 suite) allow")
    List<Path> certificates = List.of();

    @Option(names = "--key", description = "the private key of the --cert before it (PEM: PKCS#8, SEC1 or PKCS#1)")
    List<Path> keys = List.of();

    @Option(names = "--require-ems", description = "TLS 1.2: refuse a peer without the extended master secret "
            + "(RFC 7627; default: accept it, never resuming its session)")
    boolean requireExtendedMasterSecret;

    @Option(names = "--require-renegotiation-info", description = "TLS 1.2: refuse a peer that does not signal secure "
            + "renegotiation (RFC 5746; default: accept it, as we never renegotiate)")
    boolean requireRenegotiationInfo;

    @Option(names = "--keylog", description = "append secrets in NSS key log format (also: SSLKEYLOGFILE)")
    Path keyLog;

    @Option(names = "--trace", description = "print every model transition to stderr")
    boolean trace;

    /** Applies the shared options to {@code builder}. */
    TlsConfigBuilder apply(TlsConfigBuilder builder) {
        if (versions != null) {
            builder.versions(versions.stream().map(CommonTlsOptions::version).toArray(ProtocolVersion[]::new));
        }
        if (groups != null) {
            builder.groups(groups.stream().map(ParameterNames::group).toArray(KeyExchangeGroup[]::new));
        }
        if (suites != null) {
            builder.cipherSuites(suites.stream().map(ParameterNames::suite).toList());
        }
        List<CertifiedKey> credentials = ourCredentials();
        if (!credentials.isEmpty()) {
            builder.certifiedKeys(credentials);
        }
        builder.extendedMasterSecretRequired(requireExtendedMasterSecret).secureRenegotiationRequired(requireRenegotiationInfo);
        builder.keyLog(KeyLog.resolve(Optional.ofNullable(keyLog)));
        return builder;
    }

    /** Returns the certificates and keys given with --cert and --key, paired in order (as many of each). */
    List<CertifiedKey> ourCredentials() {
        if (certificates.size() != keys.size()) {
            throw new IllegalArgumentException("--cert and --key go together: " + certificates.size() + " --cert and "
                    + keys.size() + " --key");
        }
        List<CertifiedKey> credentials = new java.util.ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            credentials.add(CertifiedKey.load(PemFiles.check(certificates.get(i), PemFiles.Content.CERTIFICATES),
                    PemFiles.check(keys.get(i), PemFiles.Content.KEY)));
        }
        return credentials;
    }

    /**
     * Returns a listener printing each transition of {@code engine} to {@code err} with {@code who}, naming the alert
     * of a transition on a received alert (e.g. {@code (peer sent fatal handshake_failure (40))}), or one doing nothing.
     */
    TransitionListener tracer(String who, PrintStream err, TlsEngine engine) {
        return trace ? taken -> err.println("[" + who + "] " + taken + receivedAlertNote(taken, engine)) : taken -> { };
    }

    private static String receivedAlertNote(TakenTransition taken, TlsEngine engine) {
        return switch (taken.input()) {
            case ALERT_FATAL, ALERT_WARNING, ALERT_CLOSE_NOTIFY ->
                    engine.receivedAlert().map(alert -> " (peer sent " + alert + ")").orElse("");
            default -> "";
        };
    }

    static ProtocolVersion version(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1.3", "tls1.3", "tls13" -> ProtocolVersion.TLS13;
            case "1.2", "tls1.2", "tls12" -> ProtocolVersion.TLS12;
            default -> throw new IllegalArgumentException("unsupported version " + text + " (1.3 or 1.2)");
        };
    }
}
