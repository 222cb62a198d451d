package io.tlsmachine.jsse;

import io.tlsmachine.KeyExchangeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the JDK's system property {@code jdk.tls.namedGroups} as SunJSSE does (JSSE Reference Guide, "Customizing the
 * Named Groups"): a comma-separated list of standard group names in preference order, optionally in quotation marks;
 * names the engine does not know are ignored, and a list naming none it knows is an error. Unset or empty: the
 * engine's defaults (the post-quantum hybrid first). Read when an SSLContext is initialised, as BCJSSE reads it (SunJSSE
 * reads it once per JVM). Lets an application choose the groups of every JSSE stack in the JVM with one setting, as
 * Java 17's {@code SSLParameters} has no named groups.
 */
final class NamedGroupsProperty {
    static final String PROPERTY = "jdk.tls.namedGroups";

    /** The last value read and its groups: the property rarely changes. */
    private static volatile Parsed last = new Parsed(null, Optional.empty());

    private record Parsed(String value, Optional<List<KeyExchangeGroup>> groups) {
    }

    private NamedGroupsProperty() {
    }

    /**
     * Returns the groups the property names, in its order; empty when it is unset or blank.
     *
     * @throws IllegalArgumentException when it names no group the engine supports
     */
    static Optional<List<KeyExchangeGroup>> current() {
        String value = System.getProperty(PROPERTY);
        Parsed cached = last;
        if (value == null ? cached.value() == null : value.equals(cached.value())) {
            return cached.groups();
        }
        Optional<List<KeyExchangeGroup>> groups = parse(value);
        last = new Parsed(value, groups);
        return groups;
    }

    /** Parses a value of the property; see {@link #current()}. */
    static Optional<List<KeyExchangeGroup>> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String list = value.strip();
        if (list.length() >= 2 && list.startsWith("\"") && list.endsWith("\"")) {
            list = list.substring(1, list.length() - 1).strip();
        }
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<KeyExchangeGroup> groups = new ArrayList<>();
        for (String name : list.split(",")) {
            byStandardName(name.strip()).filter(group -> !groups.contains(group)).ifPresent(groups::add);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("system property " + PROPERTY + " (" + value
                    + ") names no supported group");
        }
        return Optional.of(List.copyOf(groups));
    }

    /** The group of a standard name ({@code x25519}, {@code secp256r1}, {@code X25519MLKEM768}, ...), case-insensitive. */
    private static Optional<KeyExchangeGroup> byStandardName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (KeyExchangeGroup group : KeyExchangeGroup.values()) {
            if (group.name().equals(upper)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
