package io.tlsmachine.impl.codec.extension;

import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CLIENT_HELLO;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.HELLO_RETRY_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.NEW_SESSION_TICKET;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.SERVER_HELLO;

import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The extension table, declared once: for every extension type we know, the messages it may appear in per
 * version, and the response messages it may appear in without having been offered.
 *
 * <p>RFC 8446 §4.2's table gives the TLS 1.3 column; RFC 5246 §7.4.1.4 with each extension's RFC gives the TLS 1.2
 * column (only ClientHello and ServerHello carry extensions in TLS 1.2). {@code specs/extensions/extensions.tsv} is
 * the independent hand transcription of the same RFC text; the verification suite holds the two equal cell by
 * cell. {@link ExtensionCodec} reads its per-message allow lists from here (as the union of both versions, since
 * it decodes before the version is known).
 */
public final class ExtensionRules {

    /** Where one extension type may appear: per version, and where it may appear unoffered. */
    public record Row(ExtensionType type, Set<ExtensionContext> tls13, Set<ExtensionContext> tls12,
            Set<ExtensionContext> unsolicitedIn) {
        public Row {
            tls13 = Collections.unmodifiableSet(copy(tls13));
            tls12 = Collections.unmodifiableSet(copy(tls12));
            unsolicitedIn = Collections.unmodifiableSet(copy(unsolicitedIn));
        }

        /** Returns the messages of the given version (TLS 1.2 or 1.3) this extension may appear in. */
        public Set<ExtensionContext> messages(VersionCode version) {
            if (VersionCode.TLS13.equals(version)) {
                return tls13;
            }
            if (VersionCode.TLS12.equals(version)) {
                return tls12;
            }
            throw new IllegalArgumentException("the extension table covers TLS 1.2 and TLS 1.3, not " + version);
        }
    }

    private static final Set<ExtensionContext> NONE = EnumSet.noneOf(ExtensionContext.class);
    private static final Set<ExtensionContext> CH = EnumSet.of(CLIENT_HELLO);
    private static final Set<ExtensionContext> CH_SH = EnumSet.of(CLIENT_HELLO, SERVER_HELLO);
    private static final Set<ExtensionContext> CH_EE = EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
    private static final Set<ExtensionContext> CH_CR = EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST);
    private static final Set<ExtensionContext> CH_CR_CT = EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE);
    private static final Set<ExtensionContext> CH_SH_HRR =
            EnumSet.of(CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST);

    // RFC 8446 §4.2: "Implementations MUST NOT send extension responses if the remote endpoint did not send the
    // corresponding extension requests ..." The server's responses are in these messages, and so is the client's
    // Certificate answering a CertificateRequest; ClientHello, CertificateRequest and NewSessionTicket carry
    // requests or unsolicited extensions.
    private static final Set<ExtensionContext> RESPONSES =
            EnumSet.of(SERVER_HELLO, HELLO_RETRY_REQUEST, ENCRYPTED_EXTENSIONS, CERTIFICATE);

    private static final Map<ExtensionType, Row> TABLE = table(List.of(
            // RFC 8446 §4.2 | RFC 6066 §3, §4, §8
            row(ExtensionType.SERVER_NAME, CH_EE, CH_SH),
            row(ExtensionType.MAX_FRAGMENT_LENGTH, CH_EE, CH_SH),
            row(ExtensionType.STATUS_REQUEST, CH_CR_CT, CH_SH),
            // RFC 8446 §4.2 | RFC 8422 §5.1.1, §5.2: the TLS 1.2 server sends ec_point_formats, never groups
            row(ExtensionType.SUPPORTED_GROUPS, CH_EE, CH),
            row(ExtensionType.EC_POINT_FORMATS, NONE, CH_SH),
            // RFC 8446 §4.2 | RFC 5246 §7.4.1.4.1: "Servers MUST NOT send this extension."
            row(ExtensionType.SIGNATURE_ALGORITHMS, CH_CR, CH),
            // RFC 8446 §4.2 | RFC 5764 §4.1.1, RFC 6520 §2, RFC 7301 §3.1, RFC 6962 §3.3.1, RFC 7250 §3
            row(ExtensionType.USE_SRTP, CH_EE, CH_SH),
            row(ExtensionType.HEARTBEAT, CH_EE, CH_SH),
            row(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, CH_EE, CH_SH),
            row(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, CH_CR_CT, CH_SH),
            row(ExtensionType.CLIENT_CERTIFICATE_TYPE, CH_EE, CH_SH),
            row(ExtensionType.SERVER_CERTIFICATE_TYPE, CH_EE, CH_SH),
            // RFC 8446 §4.2 | RFC 7685 §3: the server does not echo padding
            row(ExtensionType.PADDING, CH, CH),
            // TLS 1.2 only: not in RFC 8446 §4.2's table | RFC 7366 §2, RFC 7627 §5.2
            row(ExtensionType.ENCRYPT_THEN_MAC, NONE, CH_SH),
            row(ExtensionType.EXTENDED_MASTER_SECRET, NONE, CH_SH),
            // RFC 8449 §4: "In TLS 1.3, the server sends the "record_size_limit" extension in the EncryptedExtensions"
            row(ExtensionType.RECORD_SIZE_LIMIT, CH_EE, CH_SH),
            // TLS 1.2 only | RFC 5077 §3.2
            row(ExtensionType.SESSION_TICKET, NONE, CH_SH),
            // TLS 1.3 only: RFC 8446 §4.2
            row(ExtensionType.PRE_SHARED_KEY, CH_SH, NONE),
            row(ExtensionType.EARLY_DATA, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET), NONE),
            row(ExtensionType.SUPPORTED_VERSIONS, CH_SH_HRR, NONE),
            // RFC 8446 §4.2: "... with the exception of the "cookie" extension in the HelloRetryRequest."
            new Row(ExtensionType.COOKIE, EnumSet.of(CLIENT_HELLO, HELLO_RETRY_REQUEST), NONE,
                    EnumSet.of(HELLO_RETRY_REQUEST)),
            row(ExtensionType.PSK_KEY_EXCHANGE_MODES, CH, NONE),
            row(ExtensionType.CERTIFICATE_AUTHORITIES, CH_CR, NONE),
            row(ExtensionType.OID_FILTERS, EnumSet.of(CERTIFICATE_REQUEST), NONE),
            row(ExtensionType.POST_HANDSHAKE_AUTH, CH, NONE),
            // RFC 8446 §4.2.3: "TLS 1.2 implementations SHOULD also process this extension."
            row(ExtensionType.SIGNATURE_ALGORITHMS_CERT, CH_CR, CH),
            row(ExtensionType.KEY_SHARE, CH_SH_HRR, NONE),
            // TLS 1.2 only | RFC 5746 §3.2
            row(ExtensionType.RENEGOTIATION_INFO, NONE, CH_SH)));

    private ExtensionRules() {
    }

    /** Returns every row, in code point order. */
    public static List<Row> rows() {
        return List.copyOf(TABLE.values());
    }

    /** Returns the row of a type we know, or empty for an unknown type (GREASE included). */
    public static Optional<Row> row(ExtensionType type) {
        return Optional.ofNullable(TABLE.get(type));
    }

    /**
     * Returns whether a known extension may appear in the message in the given version (TLS 1.2 or 1.3). A
     * ClientHello is checked against both versions: the version is chosen only after it is read (RFC 8446 §4.1.2,
     * §4.2.1), and a client offering both sends both versions' extensions. Unknown types return false.
     */
    public static boolean mayAppear(ExtensionType type, ExtensionContext message, VersionCode version) {
        Row row = TABLE.get(type);
        if (row == null) {
            return false;
        }
        if (message == CLIENT_HELLO) {
            return row.tls13().contains(message) || row.tls12().contains(message);
        }
        return row.messages(version).contains(message);
    }

    /** Returns whether a known extension may appear in the message in either version (what a decoder can check). */
    static boolean mayAppearInSomeVersion(ExtensionType type, ExtensionContext message) {
        Row row = TABLE.get(type);
        return row != null && (row.tls13().contains(message) || row.tls12().contains(message));
    }

    /** Returns whether the message carries responses, whose extensions need the peer's offer (RFC 8446 §4.2). */
    public static boolean isResponse(ExtensionContext message) {
        return RESPONSES.contains(message);
    }

    /** Returns whether the type may appear in the response message although it was not offered (cookie in HRR). */
    public static boolean mayBeUnsolicited(ExtensionType type, ExtensionContext message) {
        Row row = TABLE.get(type);
        return row != null && row.unsolicitedIn().contains(message);
    }

    private static Row row(ExtensionType type, Set<ExtensionContext> tls13, Set<ExtensionContext> tls12) {
        return new Row(type, tls13, tls12, NONE);
    }

    private static Map<ExtensionType, Row> table(List<Row> rows) {
        Map<ExtensionType, Row> byType = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> Integer.compare(a.type().code(), b.type().code()))
                .forEach(r -> {
                    if (byType.put(r.type(), r) != null) {
                        throw new IllegalStateException("two rows for " + r.type());
                    }
                });
        return Collections.unmodifiableMap(byType);
    }

    private static Set<ExtensionContext> copy(Set<ExtensionContext> messages) {
        return messages.isEmpty() ? EnumSet.noneOf(ExtensionContext.class) : EnumSet.copyOf(messages);
    }
}
