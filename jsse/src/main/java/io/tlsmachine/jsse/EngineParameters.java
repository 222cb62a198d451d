package io.tlsmachine.jsse;

import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CertifiedKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;

/**
 * The SSLParameters one engine supports (protocols, cipher suites and whose order a server honours, SNI, ALPN,
 * endpoint identification, client authentication) and their translation into the engine's {@code TlsConfig}; any
 * other parameter set to a value other than JSSE's default is refused with {@link UnsupportedOperationException}.
 */
final class EngineParameters {
    private String[] protocols;
    private String[] cipherSuites = JsseProtocols.defaultSuiteNames();
    private List<SNIServerName> serverNames = List.of();
    private List<SNIMatcher> sniMatchers = List.of();
    private String[] applicationProtocols = new String[0];
    private String endpointIdentification;
    private boolean needClientAuth;
    private boolean wantClientAuth;
    /** SunJSSE's default: a server prefers its own order of suites. */
    private boolean useCipherSuitesOrder = true;

    EngineParameters(List<String> defaultProtocols) {
        protocols = defaultProtocols.toArray(String[]::new);
    }

    String[] protocols() {
        return protocols.clone();
    }

    void protocols(String[] names) {
        JsseProtocols.versions(names);
        protocols = names.clone();
    }

    String[] cipherSuites() {
        return cipherSuites.clone();
    }

    void cipherSuites(String[] names) {
        JsseProtocols.suites(names);
        cipherSuites = names.clone();
    }

    boolean needClientAuth() {
        return needClientAuth;
    }

    void needClientAuth(boolean need) {
        needClientAuth = need;
        wantClientAuth = false;
    }

    boolean wantClientAuth() {
        return wantClientAuth;
    }

    void wantClientAuth(boolean want) {
        wantClientAuth = want;
        needClientAuth = false;
    }

    /** Whether a server chooses the suite by its own order of preference (else by the client's). */
    boolean useCipherSuitesOrder() {
        return useCipherSuitesOrder;
    }

    /** Returns the parameters as JSSE's SSLParameters. */
    SSLParameters toSslParameters() {
        SSLParameters parameters = new SSLParameters(cipherSuites(), protocols());
        parameters.setServerNames(serverNames);
        parameters.setSNIMatchers(sniMatchers);
        parameters.setApplicationProtocols(applicationProtocols.clone());
        parameters.setEndpointIdentificationAlgorithm(endpointIdentification);
        parameters.setUseCipherSuitesOrder(useCipherSuitesOrder);
        if (needClientAuth) {
            parameters.setNeedClientAuth(true);
        } else if (wantClientAuth) {
            parameters.setWantClientAuth(true);
        }
        return parameters;
    }

    /** Takes the supported values of {@code parameters}; fails on those this provider does not implement. */
    void apply(SSLParameters parameters) {
        if (parameters.getAlgorithmConstraints() != null) {
            throw new UnsupportedOperationException("SSLParameters.setAlgorithmConstraints is not supported");
        }
        if (parameters.getSNIMatchers() != null) {
            sniMatchers = List.copyOf(parameters.getSNIMatchers());
        }
        if (parameters.getMaximumPacketSize() != 0 && parameters.getMaximumPacketSize() != TlsMachineSession.PACKET_BUFFER_SIZE) {
            throw new UnsupportedOperationException("SSLParameters.setMaximumPacketSize is not supported");
        }
        if (parameters.getCipherSuites() != null) {
            cipherSuites(parameters.getCipherSuites());
        }
        if (parameters.getProtocols() != null) {
            protocols(parameters.getProtocols());
        }
        if (parameters.getServerNames() != null) {
            serverNames = List.copyOf(parameters.getServerNames());
        }
        applicationProtocols = parameters.getApplicationProtocols().clone();
        endpointIdentification = parameters.getEndpointIdentificationAlgorithm();
        useCipherSuitesOrder = parameters.getUseCipherSuitesOrder();
        if (parameters.getNeedClientAuth()) {
            needClientAuth(true);
        } else {
            wantClientAuth(parameters.getWantClientAuth());
        }
    }

    /** The server's matchers of the client's server_name (RFC 6066 §3); empty: every name is accepted. */
    List<SNIMatcher> sniMatchers() {
        return sniMatchers;
    }

    /** The host name to send in server_name: the SNI parameter's, else {@code peerHost}. */
    Optional<String> serverName(String peerHost) {
        for (SNIServerName name : serverNames) {
            if (name instanceof SNIHostName host) {
                return Optional.of(host.getAsciiName());
            }
        }
        return Optional.ofNullable(peerHost);
    }

    /** Returns the engine's configuration from these parameters and the chosen credential and verifier. */
    TlsConfigBuilder toConfig(Optional<CertifiedKey> credential, CertificateVerifier verifier, Optional<String> serverName,
            SecureRandom random) {
        TlsConfigBuilder builder = TlsConfig.builder()
                .versions(JsseProtocols.versions(protocols))
                .cipherSuites(JsseProtocols.suites(cipherSuites))
                .certificateVerifier(verifier)
                .random(random)
                .applicationProtocols(applicationProtocols.clone())
                .clientAuth(needClientAuth ? ClientAuthPolicy.REQUIRE
                        : wantClientAuth ? ClientAuthPolicy.REQUEST : ClientAuthPolicy.NONE);
        credential.ifPresent(builder::certifiedKey);
        serverName.ifPresent(builder::serverName);
        return builder;
    }
}
