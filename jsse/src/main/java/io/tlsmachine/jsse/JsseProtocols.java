package io.tlsmachine.jsse;

import io.tlsmachine.TlsDefaults;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Returns JSSE's name for {@code version} ({@code TLSv1.3}, {@code TLSv1.2}). */
    static String name(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? TLS13 : TLS12;
    }
}
