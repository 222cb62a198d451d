package io.tlsmachine.impl.certificate;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a server certificate names the host we meant to reach, per RFC 9525 (which
 * obsoletes RFC 6125): only subjectAltName dNSName and iPAddress entries count, never the
 * subject's common name.
 *
 * <ul>
 *   <li>DNS names compare case-insensitively as ASCII, after dropping one trailing dot; a
 *       U-label host is converted to its A-labels (IDNA), and A-labels compare as-is.</li>
 *   <li>A wildcard is accepted only as the whole left-most label ({@code *.example.com}),
 *       matches exactly one label, and needs at least two labels after it ({@code *.com} matches
 *       nothing; there is no public suffix list, so {@code *.co.uk} would). Partial wildcards
 *       ({@code f*.example.com}) match nothing.</li>
 *   <li>An IP address host matches only an iPAddress entry with the same bytes; never a DNS name
 *       nor a wildcard.</li>
 * </ul>
 */
public final class HostnameVerifier {
    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private HostnameVerifier() {}

    /**
     * RFC 9525 §6: verifies that {@code leaf} is valid for {@code host} (a DNS name or an IP literal).
     *
     * @throws TlsException BAD_CERTIFICATE naming the expected host and the certificate's names
     */
    public static void verify(X509Certificate leaf, String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host name to verify the certificate against");
        }
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        subjectAltNames(leaf, dnsNames, ipAddresses);
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            // RFC 9525 §6.3: the subject's CN is not consulted.
            throw TlsException.fatal(Reason.BAD_CERTIFICATE, "certificate " + leaf.getSubjectX500Principal().getName()
                    + " has no DNS or IP subjectAltName, so it cannot be valid for \"" + host + "\" (the common name is not used)");
        }
        if (matches(dnsNames, ipAddresses, host)) {
            return;
        }
        throw TlsException.fatal(Reason.BAD_CERTIFICATE, "certificate " + leaf.getSubjectX500Principal().getName()
                + " is not valid for \"" + host + "\"; it names DNS " + dnsNames + " and IP " + ipAddresses);
    }

    /** Whether any of the presented names matches {@code host}, by the rules above. */
    public static boolean matches(List<String> dnsNames, List<String> ipAddresses, String host) {
        Optional<InetAddress> hostAddress = ipLiteral(host);
        if (hostAddress.isPresent()) {
            // RFC 9525 §6.3: an IP reference identity matches only an iPAddress entry, byte for byte.
            return ipAddresses.stream().map(HostnameVerifier::ipLiteral)
                    .anyMatch(presented -> presented.isPresent() && presented.get().equals(hostAddress.get()));
        }
        return dnsNames.stream().anyMatch(presented -> matchesDnsName(presented, host));
    }

    /** RFC 9525 §6.3 / §7.1 (RFC 6125 §6.4.3): whether one presented dNSName matches a DNS host name. */
    public static boolean matchesDnsName(String presented, String host) {
        Optional<String> reference = normalizeReference(host);
        Optional<String> identifier = normalizePresented(presented);
        if (reference.isEmpty() || identifier.isEmpty() || ipLiteral(reference.get()).isPresent()) {
            return false;
        }
        String name = identifier.get();
        String target = reference.get();
        if (!name.contains("*")) {
            return name.equals(target);
        }
        if (!name.startsWith("*.")) {
            return false;
        }
        String suffix = name.substring(1);
        if (suffix.indexOf('*') >= 0 || suffix.indexOf('.', 1) < 0) {
            return false;
        }
        if (!target.endsWith(suffix)) {
            return false;
        }
        String firstLabel = target.substring(0, target.length() - suffix.length());
        return !firstLabel.isEmpty() && firstLabel.indexOf('.') < 0;
    }

    /** Returns the host as lower-case ASCII (A-labels) without a trailing dot, or empty when it is not a usable DNS name. */
    static Optional<String> normalizeReference(String host) {
        String name = stripTrailingDot(host);
        if (name.isEmpty() || name.contains("*")) {
            return Optional.empty();
        }
        try {
            name = IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return validLabels(name) ? Optional.of(name.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<String> normalizePresented(String presented) {
        String name = stripTrailingDot(presented);
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Optional.empty();
        }
        return validLabels(name) ? Optional.of(name.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean validLabels(String name) {
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal (brackets allowed) without any name lookup. */
    static Optional<InetAddress> ipLiteral(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(literal).matches();
        boolean v6 = literal.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // Only digits, dots, colons and hex reach here: InetAddress parses them as a literal, with no DNS lookup.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static void subjectAltNames(X509Certificate leaf, List<String> dnsNames, List<String> ipAddresses) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw TlsException.fatal(Reason.BAD_CERTIFICATE, "certificate " + leaf.getSubjectX500Principal().getName()
                    + " has a malformed subjectAltName extension", e);
        }
        if (names == null) {
            return;
        }
        for (List<?> entry : names) {
            if (entry.size() >= 2 && entry.get(0) instanceof Integer type && entry.get(1) instanceof String value) {
                if (type == SAN_DNS_NAME) {
                    dnsNames.add(value);
                } else if (type == SAN_IP_ADDRESS) {
                    ipAddresses.add(value);
                }
            }
        }
    }
}
