package io.tlsmachine.impl.negotiation;

import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CLIENT_HELLO;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.HELLO_RETRY_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.NEW_SESSION_TICKET;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.SERVER_HELLO;
import static io.tlsmachine.impl.codec.types.ExtensionType.COOKIE;
import static io.tlsmachine.impl.codec.types.ExtensionType.EARLY_DATA;
import static io.tlsmachine.impl.codec.types.ExtensionType.EC_POINT_FORMATS;
import static io.tlsmachine.impl.codec.types.ExtensionType.EXTENDED_MASTER_SECRET;
import static io.tlsmachine.impl.codec.types.ExtensionType.KEY_SHARE;
import static io.tlsmachine.impl.codec.types.ExtensionType.PADDING;
import static io.tlsmachine.impl.codec.types.ExtensionType.RENEGOTIATION_INFO;
import static io.tlsmachine.impl.codec.types.ExtensionType.SERVER_NAME;
import static io.tlsmachine.impl.codec.types.ExtensionType.SIGNATURE_ALGORITHMS;
import static io.tlsmachine.impl.codec.types.ExtensionType.STATUS_REQUEST;
import static io.tlsmachine.impl.codec.types.ExtensionType.SUPPORTED_GROUPS;
import static io.tlsmachine.impl.codec.types.ExtensionType.SUPPORTED_VERSIONS;
import static io.tlsmachine.impl.codec.types.VersionCode.TLS12;
import static io.tlsmachine.impl.codec.types.VersionCode.TLS13;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.ExtensionRules;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@link ExtensionCheck}, one test per {@link ExtensionRule} (the names the rule list cites). */
class ExtensionCheckTest {
    private static final ExtensionType GREASE = new ExtensionType(0x0A0A);
    private static final ExtensionType UNASSIGNED = new ExtensionType(0x7777);

    @Test
    void aTypeTwiceInOneBlockIsIllegalParameter() {
        assertViolation(CLIENT_HELLO, TLS13, List.of(SERVER_NAME, KEY_SHARE, SERVER_NAME), Set.of(),
                ExtensionRule.DUPLICATE, 2, AlertDescription.ILLEGAL_PARAMETER);
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(SERVER_NAME, SERVER_NAME), Set.of(SERVER_NAME),
                ExtensionRule.DUPLICATE, 1, AlertDescription.ILLEGAL_PARAMETER);
        // Unknown types count too: the rule is about the block, not the table.
        assertViolation(CLIENT_HELLO, TLS13, List.of(GREASE, GREASE), Set.of(),
                ExtensionRule.DUPLICATE, 1, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aTypeTwiceInATls12ServerHelloIsIllegalParameter() {
        assertViolation(SERVER_HELLO, TLS12, List.of(RENEGOTIATION_INFO, RENEGOTIATION_INFO),
                Set.of(RENEGOTIATION_INFO), ExtensionRule.DUPLICATE_TLS12, 1, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aKnownExtensionInAMessageThatMayNotCarryItIsIllegalParameter() {
        // RFC 8446 §4.2's table: supported_groups is CH, EE; signature_algorithms CH, CR; padding CH only.
        assertViolation(SERVER_HELLO, TLS13, List.of(SUPPORTED_VERSIONS, SUPPORTED_GROUPS),
                Set.of(SUPPORTED_VERSIONS, SUPPORTED_GROUPS), ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 1,
                AlertDescription.ILLEGAL_PARAMETER);
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(SIGNATURE_ALGORITHMS), Set.of(SIGNATURE_ALGORITHMS),
                ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 0, AlertDescription.ILLEGAL_PARAMETER);
        assertViolation(NEW_SESSION_TICKET, TLS13, List.of(PADDING), Set.of(),
                ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 0, AlertDescription.ILLEGAL_PARAMETER);
        // A TLS 1.2-only extension in a TLS 1.3 message, even when offered (it is not in RFC 8446's table).
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(EXTENDED_MASTER_SECRET), Set.of(EXTENDED_MASTER_SECRET),
                ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 0, AlertDescription.ILLEGAL_PARAMETER);
        assertViolation(SERVER_HELLO, TLS13, List.of(SUPPORTED_VERSIONS, EC_POINT_FORMATS),
                Set.of(SUPPORTED_VERSIONS, EC_POINT_FORMATS), ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 1,
                AlertDescription.ILLEGAL_PARAMETER);
        // A TLS 1.3-only extension in a TLS 1.2 ServerHello.
        assertViolation(SERVER_HELLO, TLS12, List.of(KEY_SHARE), Set.of(KEY_SHARE),
                ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 0, AlertDescription.ILLEGAL_PARAMETER);
        // The misplacement is judged before the offer: an unoffered misplaced extension is illegal_parameter.
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(KEY_SHARE), Set.of(),
                ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE, 0, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aResponseThatWasNotOfferedIsUnsupportedExtension() {
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(SERVER_NAME), Set.of(SUPPORTED_GROUPS),
                ExtensionRule.NOT_OFFERED, 0, AlertDescription.UNSUPPORTED_EXTENSION);
        assertViolation(CERTIFICATE, TLS13, List.of(STATUS_REQUEST), Set.of(),
                ExtensionRule.NOT_OFFERED, 0, AlertDescription.UNSUPPORTED_EXTENSION);
        assertViolation(HELLO_RETRY_REQUEST, TLS13, List.of(SUPPORTED_VERSIONS, KEY_SHARE), Set.of(SUPPORTED_VERSIONS),
                ExtensionRule.NOT_OFFERED, 1, AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void theCookieMayBeInAHelloRetryRequestUnoffered() {
        assertThat(check(HELLO_RETRY_REQUEST, TLS13, List.of(SUPPORTED_VERSIONS, COOKIE), Set.of(SUPPORTED_VERSIONS)))
                .isEmpty();
    }

    @Test
    void anUnofferedTls12ServerHelloExtensionIsUnsupportedExtension() {
        // Issue 11, defect 1: ec_point_formats in the TLS 1.2 ServerHello when the ClientHello had none.
        assertViolation(SERVER_HELLO, TLS12, List.of(RENEGOTIATION_INFO, EC_POINT_FORMATS), Set.of(RENEGOTIATION_INFO),
                ExtensionRule.NOT_OFFERED_TLS12, 1, AlertDescription.UNSUPPORTED_EXTENSION);
        assertThat(check(SERVER_HELLO, TLS12, List.of(RENEGOTIATION_INFO, EC_POINT_FORMATS),
                Set.of(RENEGOTIATION_INFO, EC_POINT_FORMATS))).isEmpty();
    }

    @Test
    void anUnknownExtensionInAResponseIsUnsupportedExtension() {
        assertViolation(SERVER_HELLO, TLS12, List.of(UNASSIGNED), Set.of(),
                ExtensionRule.UNKNOWN_IN_RESPONSE, 0, AlertDescription.UNSUPPORTED_EXTENSION);
        assertViolation(ENCRYPTED_EXTENSIONS, TLS13, List.of(GREASE), Set.of(SERVER_NAME),
                ExtensionRule.UNKNOWN_IN_RESPONSE, 0, AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void anUnknownExtensionInARequestIsIgnored() {
        assertThat(check(CLIENT_HELLO, TLS13, List.of(GREASE, UNASSIGNED, KEY_SHARE), Set.of())).isEmpty();
        assertThat(check(CERTIFICATE_REQUEST, TLS13, List.of(SIGNATURE_ALGORITHMS, GREASE), Set.of())).isEmpty();
        assertThat(check(NEW_SESSION_TICKET, TLS13, List.of(EARLY_DATA, UNASSIGNED), Set.of())).isEmpty();
    }

    @Test
    void aClientHelloMayCarryTheExtensionsOfBothVersions() {
        List<ExtensionType> both = List.of(SERVER_NAME, EC_POINT_FORMATS, EXTENDED_MASTER_SECRET, SUPPORTED_VERSIONS,
                KEY_SHARE, RENEGOTIATION_INFO, PADDING);
        assertThat(check(CLIENT_HELLO, TLS13, both, Set.of())).isEmpty();
        assertThat(check(CLIENT_HELLO, TLS12, both, Set.of())).isEmpty();
    }

    @Test
    void requestsAreNotHeldToAnOffer() {
        // A CertificateRequest and a NewSessionTicket carry requests or unsolicited extensions (RFC 8446 §4.2).
        assertThat(check(CERTIFICATE_REQUEST, TLS13, List.of(SIGNATURE_ALGORITHMS, STATUS_REQUEST), Set.of()))
                .isEmpty();
        assertThat(check(NEW_SESSION_TICKET, TLS13, List.of(EARLY_DATA), Set.of())).isEmpty();
    }

    @Test
    void enforceThrowsTheFirstViolationAsATlsException() {
        assertThatThrownBy(() -> ExtensionCheck.enforce(ENCRYPTED_EXTENSIONS, TLS13,
                List.of(new ExtendedMasterSecret()), Set.of()))
                .isInstanceOf(TlsException.class)
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(Reason.ILLEGAL_PARAMETER))
                .hasMessageContaining("EncryptedExtensions.extended_master_secret");
        ExtensionCheck.enforce(SERVER_HELLO, TLS12, List.of(new ExtendedMasterSecret()),
                Set.of(EXTENDED_MASTER_SECRET));
    }

    @Test
    void aVersionOutsideTheTableIsRefused() {
        assertThatThrownBy(() -> ExtensionRules.mayAppear(SERVER_NAME, SERVER_HELLO, VersionCode.TLS11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRuleNamesATestOfThisClass() {
        for (ExtensionRule rule : ExtensionRule.values()) {
            String[] test = rule.test().split("#");
            assertThat(test[0]).as("%s's test class", rule).isEqualTo(getClass().getSimpleName());
            assertThat(Arrays.stream(getClass().getDeclaredMethods()).map(Method::getName))
                    .as("%s's test method", rule).contains(test[1]);
        }
    }

    private static Optional<ExtensionViolation> check(ExtensionContext message, VersionCode version,
            List<ExtensionType> types, Set<ExtensionType> offered) {
        return ExtensionCheck.firstViolationOfTypes(message, version, types, offered);
    }

    private static void assertViolation(ExtensionContext message, VersionCode version, List<ExtensionType> types,
            Set<ExtensionType> offered, ExtensionRule rule, int index, AlertDescription alert) {
        Optional<ExtensionViolation> violation = check(message, version, types, offered);
        assertThat(violation).as("%s %s %s offered %s", message, version, types, offered)
                .contains(new ExtensionViolation(rule, message, types.get(index), index));
        assertThat(violation.orElseThrow().alert()).isEqualTo(alert);
        assertThat(violation.orElseThrow().failure().reason().alertToSend()).contains(alert);
    }
}
