package io.tlsmachine.cli;

import io.tlsmachine.TlsDefaults;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one table of the names the command line accepts for groups and cipher suites: our names, the RFC/IANA names,
 * and the common aliases (NIST {@code P-256}, OpenSSL {@code prime256v1}, OpenSSL suite names such as
 * {@code ECDHE-ECDSA-AES128-GCM-SHA256}).
 */
final class ParameterNames {
    /** Group aliases beyond the enum's own names (compared in lower case, with '-' and '_' dropped). */
    private static final Map<String, KeyExchangeGroup> GROUP_ALIASES = Map.of(
            "p256", KeyExchangeGroup.SECP256R1, "prime256v1", KeyExchangeGroup.SECP256R1,
            "p384", KeyExchangeGroup.SECP384R1, "prime384v1", KeyExchangeGroup.SECP384R1, "p521", KeyExchangeGroup.SECP521R1);

    /** OpenSSL names of the TLS 1.2 suites we implement (TLS 1.3 suites have the same name in OpenSSL and the RFC). */
    private static final Map<String, CipherSuite> OPENSSL_SUITES = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384),
            Map.entry("DHE-RSA-CHACHA20-POLY1305", CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256),
            Map.entry("AES128-GCM-SHA256", CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256),
            Map.entry("AES256-GCM-SHA384", CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384));

    private ParameterNames() {
    }

    /** Finds a group by our name ({@code x25519mlkem768}), its RFC name ({@code secp256r1}) or an alias ({@code P-256}). */
    static KeyExchangeGroup group(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (KeyExchangeGroup group : KeyExchangeGroup.values()) {
            if (group.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return group;
            }
        }
        KeyExchangeGroup alias = GROUP_ALIASES.get(wanted);
        if (alias == null) {
            throw new IllegalArgumentException("unknown group " + text + "; one of " + Stream.of(KeyExchangeGroup.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " (also P-256, prime256v1, P-384, P-521)");
        }
        return alias;
    }

    /** Finds an implemented cipher suite by its RFC name or its OpenSSL name. */
    static CipherSuite suite(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        CipherSuite openssl = OPENSSL_SUITES.get(wanted);
        return implemented().stream().filter(suite -> suite.equals(openssl) || suite.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown or unimplemented cipher suite " + text
                        + "; one of " + implemented().stream().map(CipherSuite::name).collect(Collectors.joining(", "))
                        + " (or their OpenSSL names, e.g. ECDHE-ECDSA-AES128-GCM-SHA256)"));
    }

    /** Returns OpenSSL name → RFC name for every suite we implement (for documentation and tests). */
    static Map<String, String> openSslNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (CipherSuite suite : implemented()) {
            String openssl = OPENSSL_SUITES.entrySet().stream().filter(e -> e.getValue().equals(suite))
                    .map(Map.Entry::getKey).findFirst().orElse(suite.name());
            names.put(openssl, suite.name());
        }
        return names;
    }

    private static List<CipherSuite> implemented() {
        return Stream.of(TlsDefaults.TLS13_SUITES, TlsDefaults.TLS12_SUITES, TlsDefaults.TLS12_OPT_IN_SUITES)
                .flatMap(List::stream).toList();
    }
}
