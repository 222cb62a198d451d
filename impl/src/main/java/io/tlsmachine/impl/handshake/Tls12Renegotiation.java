package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Optional;

/**
 * The renegotiation indication checks of an initial TLS 1.2 handshake (RFC 5746 §3.4, §3.6, §4.1, §4.3). We never
 * renegotiate, so a peer that does not signal support is accepted unless the configuration requires the signal;
 * a non-empty renegotiated_connection in an initial handshake is always fatal.
 */
final class Tls12Renegotiation {

    private Tls12Renegotiation() {
    }

    /**
     * RFC 5746 §3.6: the secure_renegotiation flag is TRUE when the ClientHello carries the SCSV or the
     * renegotiation_info extension; "The server MUST then verify that the length of the "renegotiated_connection"
     * field is zero, and if it is not, MUST abort the handshake" (handshake_failure). "If neither ... was included,
     * set the secure_renegotiation flag to FALSE. In this case, some servers may want to terminate the handshake
     * instead of continuing" (§4.3): we do when {@code required} (handshake_failure, as for §3.4).
     *
     * @return the secure_renegotiation flag (the ServerHello then carries an empty renegotiation_info)
     */
    static boolean serverChecks(ClientHello hello, boolean required) {
        Optional<RenegotiationInfo> extension = hello.extension(RenegotiationInfo.class);
        if (extension.isPresent() && !extension.get().renegotiatedConnection().isEmpty()) {
            throw TlsException.fatal(Reason.INSECURE_RENEGOTIATION, "initial ClientHello with a non-empty renegotiation_info");
        }
        boolean secure = extension.isPresent() || hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        if (!secure && required) {
            throw TlsException.fatal(Reason.INSECURE_RENEGOTIATION, "the client did not signal secure renegotiation (RFC 5746)");
        }
        return secure;
    }

    /**
     * RFC 5746 §3.4: "If the extension is not present, the server does not support secure renegotiation ... some
     * clients may want to terminate the handshake instead of continuing" (§4.1): we do when {@code required}
     * (handshake_failure). "If the extension is present ... The client MUST then verify that the length of the
     * "renegotiated_connection" field is zero, and if it is not, MUST abort the handshake (by sending a fatal
     * handshake_failure alert)."
     */
    static void clientChecks(ServerHello hello, boolean required) {
        Optional<RenegotiationInfo> extension = hello.extension(RenegotiationInfo.class);
        if (extension.isEmpty()) {
            if (required) {
                throw TlsException.fatal(Reason.INSECURE_RENEGOTIATION, "ServerHello without renegotiation_info (RFC 5746)");
            }
            return;
        }
        if (!extension.get().renegotiatedConnection().isEmpty()) {
            throw TlsException.fatal(Reason.INSECURE_RENEGOTIATION, "initial ServerHello with a non-empty renegotiation_info");
        }
    }
}
