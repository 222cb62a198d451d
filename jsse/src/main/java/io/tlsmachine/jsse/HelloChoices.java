package io.tlsmachine.jsse;

import io.tlsmachine.ClientHelloOffer;
import io.tlsmachine.ClientHelloSelector;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;

/**
 * A server engine's choices once the ClientHello is read, as JSSE makes them: the {@link SNIMatcher}s judge the
 * server name, the key manager chooses the credential by the key types the client's signature schemes can verify,
 * the application's ALPN selector picks the protocol, and the suites are ranked in the client's order when
 * {@code SSLParameters.setUseCipherSuitesOrder(false)} asks for it.
 */
final class HelloChoices implements ClientHelloSelector {
    private final SSLEngine engine;
    private final SSLSocket socket;
    private final Managers managers;
    private final List<SNIMatcher> matchers;
    private final BiFunction<SSLEngine, List<String>, String> alpnSelector;
    private final TlsMachineSession session;
    private final boolean ownSuiteOrder;

    HelloChoices(SSLEngine engine, SSLSocket socket, Managers managers, List<SNIMatcher> matchers,
            BiFunction<SSLEngine, List<String>, String> alpnSelector, TlsMachineSession session, boolean ownSuiteOrder) {
        this.engine = engine;
        this.socket = socket;
        this.managers = managers;
        this.matchers = matchers;
        this.alpnSelector = alpnSelector;
        this.session = session;
        this.ownSuiteOrder = ownSuiteOrder;
    }

    @Override
    public TlsConfig select(ClientHelloOffer offer, TlsConfig current) {
        List<SNIServerName> names = offer.serverName().map(this::hostName).orElse(List.of());
        session.offered(names, offer.signatureSchemes(), JsseProtocols.name(offer.version()));
        names.forEach(this::requireMatched);
        CertifiedKey credential = managers.serverCredential(engine, socket, JsseProtocols.keyTypes(offer.signatureSchemes()))
                .orElseThrow(() -> TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME,
                        "the key manager chose no credential the client's signature schemes can verify"));
        session.localCertificates(credential.chain().certificates());
        TlsConfigBuilder chosen = current.toBuilder().certifiedKey(credential);
        if (alpnSelector != null && !offer.applicationProtocols().isEmpty()) {
            chosen.applicationProtocols(selectedProtocol(offer.applicationProtocols()));
        }
        if (!ownSuiteOrder) {
            chosen.cipherSuites(inClientOrder(current.cipherSuites(), offer.cipherSuites()));
        }
        return chosen.build();
    }

    /**
     * RFC 8446 §4.1.1, RFC 5246 §7.4.1.2 leave the choice among the common suites to the server; with the client's
     * preference honoured, our enabled suites are ranked as the client lists them, the others after them.
     */
    static List<CipherSuite> inClientOrder(List<CipherSuite> enabled, List<CipherSuite> offered) {
        List<CipherSuite> ranked = new ArrayList<>(offered.stream().filter(enabled::contains).distinct().toList());
        enabled.stream().filter(suite -> !ranked.contains(suite)).forEach(ranked::add);
        return ranked;
    }

    /**
     * The client's server_name as JSSE's SNIHostName; a name that is none (e.g. with an underscore) is unrecognized
     * when SNIMatchers judge names, else ignored.
     */
    private List<SNIServerName> hostName(String name) {
        try {
            return List.of(new SNIHostName(name));
        } catch (IllegalArgumentException notAHostName) {
            if (!matchers.isEmpty()) {
                throw TlsException.fatal(Reason.UNRECOGNIZED_NAME, "the requested server name is not a valid host name");
            }
            return List.of();
        }
    }

    /** RFC 6066 §3: a name the matcher of its type does not match is refused with unrecognized_name. */
    private void requireMatched(SNIServerName name) {
        for (SNIMatcher matcher : matchers) {
            if (matcher.getType() == name.getType() && !matcher.matches(name)) {
                throw TlsException.fatal(Reason.UNRECOGNIZED_NAME, "no SNIMatcher accepts the requested server name");
            }
        }
    }

    /**
     * RFC 7301 §3.2 as {@code SSLEngine.setHandshakeApplicationProtocolSelector} describes it: "" means no ALPN; null
     * or a protocol the client did not offer is refused with no_application_protocol.
     */
    private String[] selectedProtocol(List<String> offered) {
        String selected = alpnSelector.apply(engine, offered);
        if (selected != null && selected.isEmpty()) {
            return new String[0];
        }
        if (selected == null || !offered.contains(selected)) {
            throw TlsException.fatal(Reason.NO_APPLICATION_PROTOCOL, "the application's ALPN selector chose none of "
                    + offered);
        }
        return new String[] {selected};
    }
}
