package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.codec.message.WithExtensions;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.record.RecordLimits;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Optional;

/**
 * Negotiates record_size_limit (RFC 8449) for both roles and applies it to the record layer.
 *
 * <p>RFC 8449 §4: the client offers its limit in ClientHello; a server that understands the extension always
 * honours the client's limit when it writes protected records and answers with its own limit (the configured one,
 * or the protocol maximum) in EncryptedExtensions (TLS 1.3) or ServerHello (TLS 1.2). Each endpoint enforces its
 * own advertised limit on the records it reads only once the peer has seen it. Unprotected records are not
 * subject to the limit.
 */
final class RecordSizeLimits {

    private RecordSizeLimits() {
    }

    /**
     * Server: applies the client's limit to what we write and returns the limit to answer with (empty when the
     * client did not offer the extension), which from now on also bounds what we read.
     */
    static Optional<RecordSizeLimit> answer(HandshakeContext ctx, WithExtensions clientHello, ProtocolVersion version) {
        Optional<RecordSizeLimit> offered = clientHello.extension(RecordSizeLimit.class);
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        ctx.records().writer().setPeerRecordSizeLimit(offered.get().limit());
        // RFC 8449 §4: a TLS 1.2 value may not exceed 2^14; TLS 1.3 counts the content type byte.
        int maximum = version == ProtocolVersion.TLS13 ? RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH : RecordLimits.MAX_PLAINTEXT_LENGTH;
        int ours = Math.min(ctx.config().recordSizeLimit().orElse(maximum), maximum);
        ctx.records().reader().setRecordSizeLimit(ours);
        return Optional.of(new RecordSizeLimit(ours));
    }

    /**
     * Client: applies the server's limit (from EncryptedExtensions or ServerHello) to what we write and starts
     * enforcing ours. An answer to a record_size_limit we did not offer never gets here: the extension table refused
     * it with unsupported_extension (RFC 8446 §4.2 / RFC 5246 §7.4.1.4), and we offer one exactly when configured.
     */
    static void accept(HandshakeContext ctx, WithExtensions serverMessage) {
        Optional<RecordSizeLimit> answered = serverMessage.extension(RecordSizeLimit.class);
        if (answered.isEmpty()) {
            return;
        }
        ctx.records().writer().setPeerRecordSizeLimit(answered.get().limit());
        ctx.records().reader().setRecordSizeLimit(ctx.config().recordSizeLimit().orElseThrow());
    }
}
