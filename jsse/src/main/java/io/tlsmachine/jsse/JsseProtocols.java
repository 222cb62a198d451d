package io.tlsmachine.jsse;

import io.tlsmachine.TlsDefaults;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Maps JSSE's standard protocol and cipher suite names to the engine's code points and back. */
final class JsseProtocols {
    static final String TLS13 = "TLSv1.3";
    static final String TLS12 = "TLSv1.2";
    static final List<String> TLS13_AND_TLS12 = List.of(TLS13, TLS12);
    static final List<String> TLS12_ONLY = List.of(TLS12);

    private static final Map<String, CipherSuite> SUITES = suitesByName();
    private static final List<String> DEFAULT_SUITES = defaultSuites();

    private JsseProtocols() {}

    private static Map<String, CipherSuite> suitesByName() {
        Map<String, CipherSuite> byName = new LinkedHashMap<>();
        List<CipherSuite> all = new ArrayList<>(TlsDefaults.TLS13_SUITES);
        all.addAll(TlsDefaults.TLS12_SUITES);
        all.addAll(TlsDefaults.TLS12_OPT_IN_SUITES);
        all.forEach(suite -> byName.putIfAbsent(suite.name(), suite));
        return byName;
    }

    private static List<String> defaultSuites() {
        List<String> names = new ArrayList<>();
        TlsDefaults.TLS13_SUITES.forEach(suite -> names.add(suite.name()));
        TlsDefaults.TLS12_SUITES.forEach(suite -> names.add(suite.name()));
        return List.copyOf(names);
    }

    static String[] supportedSuites() {
        return SUITES.keySet().toArray(String[]::new);
    }

    static String[] defaultSuiteNames() {
        return DEFAULT_SUITES.toArray(String[]::new);
    }

    static String[] supportedProtocols() {
        return TLS13_AND_TLS12.toArray(String[]::new);
    }

    /** Returns the suites for {@code names}, failing on any name this provider does not implement. */
    static List<CipherSuite> suites(String[] names) {
        return Arrays.stream(names).map(name -> {
            CipherSuite suite = SUITES.get(name);
            if (suite == null) {
                throw new IllegalArgumentException("unsupported cipher suite " + name);
            }
            return suite;
        }).toList();
    }

    /** Returns the versions for {@code names}, failing on any protocol other than TLSv1.3 and TLSv1.2. */
    static ProtocolVersion[] versions(String[] names) {
        return Arrays.stream(names).map(name -> switch (name) {
            case TLS13 -> ProtocolVersion.TLS13;
            case TLS12 -> ProtocolVersion.TLS12;
            default -> throw new IllegalArgumentException("unsupported protocol " + name);
        }).toArray(ProtocolVersion[]::new);
    }

    /** Returns the standard Java Security names of {@code schemes} (as SunJSSE's sessions list them), in order. */
    static String[] jcaNames(List<SignatureAlgorithm> schemes) {
        return schemes.stream().map(JsseProtocols::jcaName).distinct().toArray(String[]::new);
    }

    private static String jcaName(SignatureAlgorithm scheme) {
        return switch (scheme) {
            case ECDSA_SECP256R1_SHA256 -> "SHA256withECDSA";
            case ECDSA_SECP384R1_SHA384 -> "SHA384withECDSA";
            case ECDSA_SECP521R1_SHA512 -> "SHA512withECDSA";
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384,
                    RSA_PSS_PSS_SHA512 -> "RSASSA-PSS";
            case ED25519 -> "Ed25519";
            case ED448 -> "Ed448";
            case RSA_PKCS1_SHA256 -> "SHA256withRSA";
            case RSA_PKCS1_SHA384 -> "SHA384withRSA";
            case RSA_PKCS1_SHA512 -> "SHA512withRSA";
        };
    }

    /**
     * Returns the key types (as key managers take them) that can sign with one of {@code schemes}, in their order;
     * without signature_algorithms (TLS 1.2, RFC 5246 §7.4.1.4.1) RSA then EC.
     */
    static List<String> keyTypes(List<SignatureAlgorithm> schemes) {
        if (schemes.isEmpty()) {
            return List.of("RSA", "EC");
        }
        return schemes.stream().flatMap(scheme -> switch (scheme) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512 -> Stream.of("EC");
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> Stream.of("RSASSA-PSS");
            // The JDK names an Ed25519 key "EdDSA", Bouncy Castle "Ed25519".
            case ED25519 -> Stream.of("EdDSA", "Ed25519");
            case ED448 -> Stream.of("EdDSA", "Ed448");
            default -> Stream.of("RSA");
        }).distinct().toList();
    }

    /** Returns JSSE's name for {@code version} ({@code TLSv1.3}, {@code TLSv1.2}). */
    static String name(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? TLS13 : TLS12;
    }
}
