package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a handshake decoder must know that the bytes do not say: the facts negotiated so far.
 *
 * <p>Certificate, CertificateRequest and NewSessionTicket differ between TLS 1.2 and 1.3 ({@link
 * #version}); ServerKeyExchange and ClientKeyExchange depend on the TLS 1.2 key exchange ({@link
 * #keyExchange}); Finished.verify_data and the synthetic message_hash have the length of the
 * negotiated hash in TLS 1.3 and 12 bytes in TLS 1.2 ({@link #finishedLength}). A message that
 * needs a fact not yet known fails with unexpected_message: it cannot have been sent legitimately.
 * {@link #sender} is not needed to decode any body; it is carried for the engine and for messages.
 *
 * @param version        the negotiated version; empty before ServerHello
 * @param sender         who sent the message being decoded
 * @param keyExchange    the TLS 1.2 key exchange; empty before ServerHello and in TLS 1.3
 * @param finishedLength the length of verify_data (and of message_hash's hash); empty before ServerHello
 */
public record DecodeContext(Optional<VersionCode> version, Role sender, Optional<KeyExchangeKind> keyExchange,
        OptionalInt finishedLength) {

    /** RFC 5246 §7.4.9: verify_data_length is 12 for every TLS 1.2 suite we know. */
    public static final int TLS12_VERIFY_DATA_LENGTH = 12;

    /** Returns the context before the version is negotiated (ClientHello, ServerHello, HelloRequest, ...). */
    public static DecodeContext beforeNegotiation(Role sender) {
        return new DecodeContext(Optional.empty(), sender, Optional.empty(), OptionalInt.empty());
    }

    /** Returns the TLS 1.3 context; {@code hashLength} is the length of the suite's hash output. */
    public static DecodeContext tls13(Role sender, int hashLength) {
        return new DecodeContext(Optional.of(VersionCode.TLS13), sender, Optional.empty(),
                OptionalInt.of(hashLength));
    }

    /** Returns the TLS 1.2 context for the given key exchange. */
    public static DecodeContext tls12(Role sender, KeyExchangeKind keyExchange) {
        return new DecodeContext(Optional.of(VersionCode.TLS12), sender, Optional.of(keyExchange),
                OptionalInt.of(TLS12_VERIFY_DATA_LENGTH));
    }

    /** Returns the same context for messages sent by {@code other}. */
    public DecodeContext from(Role other) {
        return new DecodeContext(version, other, keyExchange, finishedLength);
    }

    /** Whether the negotiated version is TLS 1.3 (or a TLS 1.3 draft); false before negotiation. */
    public boolean isTls13() {
        return version.map(v -> v.equals(VersionCode.TLS13) || v.isTls13Draft()).orElse(false);
    }
}
