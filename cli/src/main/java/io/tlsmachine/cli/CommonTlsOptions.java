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
            + "default: post-quantum hybrid first, see the README)")
    List<String> groups;

    @Option(names = "--suites", split = ",", description = "cipher suites by RFC or OpenSSL name, e.g. TLS_AES_128_GCM_SHA256,"
            + "ECDHE-ECDSA-AES128-GCM-SHA256; TLS_DHE_RSA_* and TLS_RSA_* only when listed")
    List<String> suites;

    @Option(names = "--cert", description = "our certificate chain (PEM, leaf first)")
    Path certificate;

    @Option(names = "--key", description = "our private key (PEM: PKCS#8, SEC1 or PKCS#1)")
    Path key;

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
        ourCredentials().ifPresent(builder::certifiedKey);
        builder.keyLog(KeyLog.resolve(Optional.ofNullable(keyLog)));
        return builder;
    }

    /** Returns the certificate and key given with --cert and --key (both or neither). */
    Optional<CertifiedKey> ourCredentials() {
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        if (certificate == null) {
            return Optional.empty();
        }
        return Optional.of(CertifiedKey.load(PemFiles.check(certificate, PemFiles.Content.CERTIFICATES),
                PemFiles.check(key, PemFiles.Content.KEY)));
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
