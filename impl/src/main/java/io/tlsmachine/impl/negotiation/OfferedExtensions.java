package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The extension types a request offers, which its responses may answer (RFC 8446 §4.2, RFC 5246 §7.4.1.4), and the
 * one filter every response block of ours goes through: only what was offered is answered.
 */
public final class OfferedExtensions {
    private OfferedExtensions() {
    }

    /** The rules of this family, each with its RFC sentence, failure and test. */
    public enum Rule implements NegotiationRule {
        /** Our responses carry only extension types the request offered (a filter: no alert). */
        ANSWER_ONLY_WHAT_WAS_OFFERED("RFC 5246 §7.4.1.4; RFC 8446 §4.2",
                "An extension type MUST NOT appear in the ServerHello unless the same extension type appeared in the corresponding ClientHello. / Implementations MUST NOT send extension responses if the remote endpoint did not send the corresponding extension requests",
                null, "Tls12ServerHelloExtensionsTest#aServerHelloCarriesOnlyTheExtensionTypesTheClientHelloOffered"),
        /** The renegotiation SCSV is an offer of renegotiation_info. */
        SCSV_OFFERS_RENEGOTIATION_INFO("RFC 5746 §3.3",
                "The SCSV ... has the same semantics as an empty \"renegotiation_info\" extension",
                null, "Tls12ServerHelloExtensionsTest#theRenegotiationScsvIsAnOfferOfRenegotiationInfo");

        private final RuleText text;

        Rule(String rfc, String sentence, Reason reason, String test) {
            this.text = new RuleText(rfc, sentence, reason, test);
        }

        @Override
        public Class<?> family() {
            return OfferedExtensions.class;
        }

        @Override
        public RuleText text() {
            return text;
        }
    }

    /**
     * Returns the types a ClientHello offers: its extensions, and renegotiation_info when it carries the SCSV (RFC
     * 5746 §3.3: the SCSV "has the same semantics as an empty "renegotiation_info" extension", which §3.6 answers).
     */
    public static Set<ExtensionType> of(ClientHello hello) {
        Set<ExtensionType> types = of(hello.extensions());
        if (hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            types.add(ExtensionType.RENEGOTIATION_INFO);
        }
        return Set.copyOf(types);
    }

    /** Returns the types of a request's block (a CertificateRequest's, say), as an offer. */
    public static Set<ExtensionType> of(List<? extends Extension> extensions) {
        Set<ExtensionType> types = new HashSet<>();
        for (Extension e : extensions) {
            types.add(e.type());
        }
        return types;
    }

    /**
     * Returns the extensions of {@code response} that answer something {@code hello} offered, in order. RFC 5246
     * §7.4.1.4: "An extension type MUST NOT appear in the ServerHello unless the same extension type appeared in
     * the corresponding ClientHello"; RFC 8446 §4.2: "Implementations MUST NOT send extension responses if the
     * remote endpoint did not send the corresponding extension requests".
     */
    public static List<Extension> answering(ClientHello hello, List<Extension> response) {
        Set<ExtensionType> offered = of(hello);
        List<Extension> answered = new ArrayList<>(response.size());
        for (Extension e : response) {
            if (offered.contains(e.type())) {
                answered.add(e);
            }
        }
        return answered;
    }
}
