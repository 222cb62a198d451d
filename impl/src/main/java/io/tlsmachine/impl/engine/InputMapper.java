package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.Alert;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.ChangeCipherSpec;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ClientKeyExchange;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.EndOfEarlyData;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.HelloRequest;
import io.tlsmachine.impl.codec.message.ServerHelloDone;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.impl.codec.message.Tls12CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls12NewSessionTicket;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.handshake.PendingWrite;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.KeyUpdate;
import io.tlsmachine.impl.codec.message.MessageHash;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.AlertLevel;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.Reason;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.handshake.SuiteParameters;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls12KeyExchange;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.List;

/**
 * Turns what arrived into the model's vocabulary: a decoded message into its input and the facts it carries (version,
 * downgrade, TLS 1.2 resumption, accepted early data), a handshake type into its candidate inputs (for a body that
 * does not decode), an alert into its alert input; and names what each input carries to its step
 * ({@link #argumentType}, which the handler tables are checked against).
 */
final class InputMapper {

    private InputMapper() {
    }

    /** Returns the inputs a message of this type can become; empty for a type no machine reads. */
    static List<Input> candidates(HandshakeType type) {
        return switch (type.code()) {
            case 0 -> List.of(Input.HELLO_REQUEST);
            case 1 -> List.of(Input.CLIENT_HELLO);
            case 2 -> List.of(Input.SERVER_HELLO, Input.HELLO_RETRY_REQUEST);
            case 4 -> List.of(Input.NEW_SESSION_TICKET);
            case 5 -> List.of(Input.END_OF_EARLY_DATA);
            case 8 -> List.of(Input.ENCRYPTED_EXTENSIONS);
            case 11 -> List.of(Input.CERTIFICATE, Input.CERTIFICATE_EMPTY);
            case 12 -> List.of(Input.SERVER_KEY_EXCHANGE);
            case 13 -> List.of(Input.CERTIFICATE_REQUEST);
            case 14 -> List.of(Input.SERVER_HELLO_DONE);
            case 15 -> List.of(Input.CERTIFICATE_VERIFY);
            case 16 -> List.of(Input.CLIENT_KEY_EXCHANGE);
            case 20 -> List.of(Input.FINISHED);
            case 24 -> List.of(Input.KEY_UPDATE_NOT_REQUESTED, Input.KEY_UPDATE_REQUESTED);
            default -> List.of();
        };
    }

    /** Returns the input a decoded message is. */
    static Input input(HandshakeMessage message) {
        if (message instanceof Tls12Certificate m) {
            return m.certificates().isEmpty() ? Input.CERTIFICATE_EMPTY : Input.CERTIFICATE;
        }
        if (message instanceof Tls13Certificate m) {
            return m.entries().isEmpty() ? Input.CERTIFICATE_EMPTY : Input.CERTIFICATE;
        }
        if (message instanceof KeyUpdate m) {
            return m.updateRequested() ? Input.KEY_UPDATE_REQUESTED : Input.KEY_UPDATE_NOT_REQUESTED;
        }
        if (message instanceof HelloRetryRequest) {
            return Input.HELLO_RETRY_REQUEST;
        }
        if (message instanceof MessageHash) {
            // RFC 8446 §4.4.1: message_hash exists only inside transcripts; on the wire it is unexpected.
            throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "message_hash received on the wire");
        }
        // Every other type is one input, the only candidate of its handshake type.
        return candidates(message.type()).get(0);
    }

    /**
     * Returns the facts a message establishes before the machine fires it. A client learns the version from
     * ServerHello (RFC 8446 §4.2.1) and whether a TLS 1.2 ServerHello carries the downgrade sentinel although we
     * offered TLS 1.3 (§4.1.3); a HelloRetryRequest is TLS 1.3.
     */
    static Negotiated carriedFacts(HandshakeMessage message, Negotiated facts, TlsConfig config, HandshakeContext ctx) {
        if (message instanceof io.tlsmachine.impl.codec.message.EncryptedExtensions extensions) {
            // RFC 8446 §4.2.10: early_data in EncryptedExtensions accepts the early data of our first ClientHello
            // (the step rejects it anywhere else).
            return facts.with(Fact.EARLY_DATA_ACCEPTED, facts.earlyDataOffered() && !facts.helloRetryRequested() && facts.pskAccepted()
                    && extensions.extension(io.tlsmachine.impl.codec.extension.EarlyData.class).isPresent());
        }
        if (message instanceof HelloRetryRequest) {
            return facts.with(Fact.VERSION, ProtocolVersion.TLS13);
        }
        if (!(message instanceof ServerHello hello)) {
            return facts;
        }
        boolean tls13 = hello.extension(SupportedVersionSelected.class)
                .map(v -> v.version().equals(VersionCode.TLS13)).orElse(false);
        if (tls13) {
            return facts.with(Fact.VERSION, ProtocolVersion.TLS13);
        }
        boolean sentinel = HandshakeContext.hasDowngradeSentinel(hello);
        // RFC 5077 §3.2, §3.4: an (empty) SessionTicket announces a NewSessionTicket; our session ID echoed resumes.
        boolean ticketExpected = hello.extension(SessionTicket.class).isPresent();
        boolean resumed = ctx.resumesTls12Session(hello);
        // RFC 5246 §7.4.3: the selected suite's key exchange says whether ServerKeyExchange follows; an abbreviated
        // handshake has none, and there (as after a downgrade sentinel, or for a suite we do not implement, both
        // refused next) the fact keeps its canonical ECDHE.
        boolean downgrade = sentinel && config.supports(ProtocolVersion.TLS13);
        Tls12KeyExchange keyExchange = resumed || downgrade ? Tls12KeyExchange.ECDHE : SuiteParameters.of(hello.cipherSuite())
                .filter(p -> p.version() == ProtocolVersion.TLS12).map(SuiteParameters::tls12KeyExchange)
                .orElse(Tls12KeyExchange.ECDHE);
        return facts.with(Fact.VERSION, ProtocolVersion.TLS12).with(Fact.MIDDLEBOX_COMPAT, false).with(Fact.HELLO_RETRY_REQUESTED, false)
                .with(Fact.POST_HANDSHAKE_AUTH_OFFERED, false)
                .with(Fact.TLS12_KEY_EXCHANGE, keyExchange)
                .with(Fact.TLS12_HANDSHAKE, !resumed ? Tls12Handshake.FULL
                        : ctx.offeredTls12Ticket() ? Tls12Handshake.RESUMED_BY_TICKET : Tls12Handshake.RESUMED_BY_SESSION_ID)
                .with(Fact.TICKET_EXPECTED, ticketExpected).with(Fact.DOWNGRADE_DETECTED, downgrade);
    }

    /**
     * Returns the type of what {@code input} carries to the step of a transition in {@code region}: the decoded
     * message (of the region's version where the two versions' messages differ; their common type in the common
     * region), the alert, the application data record, the pending write; {@code Void} for the other local inputs.
     */
    static Class<?> argumentType(Input input, VersionRegion region) {
        return switch (input) {
            case CLIENT_HELLO -> ClientHello.class;
            case SERVER_HELLO -> ServerHello.class;
            case HELLO_RETRY_REQUEST -> HelloRetryRequest.class;
            case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.class;
            case CERTIFICATE, CERTIFICATE_EMPTY -> byVersion(region, Tls13Certificate.class, Tls12Certificate.class);
            case CERTIFICATE_REQUEST -> byVersion(region, Tls13CertificateRequest.class, Tls12CertificateRequest.class);
            case NEW_SESSION_TICKET -> byVersion(region, Tls13NewSessionTicket.class, Tls12NewSessionTicket.class);
            case CERTIFICATE_VERIFY -> CertificateVerify.class;
            case SERVER_KEY_EXCHANGE -> ServerKeyExchange.class;
            case SERVER_HELLO_DONE -> ServerHelloDone.class;
            case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.class;
            case END_OF_EARLY_DATA -> EndOfEarlyData.class;
            case KEY_UPDATE_NOT_REQUESTED, KEY_UPDATE_REQUESTED -> KeyUpdate.class;
            case FINISHED -> Finished.class;
            case HELLO_REQUEST -> HelloRequest.class;
            case CHANGE_CIPHER_SPEC -> ChangeCipherSpec.class;
            case ALERT_CLOSE_NOTIFY, ALERT_WARNING, ALERT_FATAL -> Alert.class;
            case APPLICATION_DATA -> ReceivedRecord.class;
            case APPLICATION_WRITE -> PendingWrite.class;
            case CONNECT, SELECT_PARAMETERS, SELECT_HELLO_RETRY, SEND_SERVER_FLIGHT, REQUEST_KEY_UPDATE,
                    SEND_NEW_SESSION_TICKET, REQUEST_CLIENT_AUTH, CLOSE -> Void.class;
        };
    }

    private static Class<?> byVersion(VersionRegion region, Class<?> tls13, Class<?> tls12) {
        return switch (region) {
            case TLS13 -> tls13;
            case TLS12 -> tls12;
            case COMMON -> HandshakeMessage.class;
        };
    }

    /**
     * RFC 8446 §6: in TLS 1.3 every alert but close_notify and user_canceled is fatal whatever its level; RFC 5246
     * §7.2: in TLS 1.2 a warning-level alert is not.
     */
    static Input alertInput(Alert alert, Negotiated facts) {
        if (alert.description().equals(AlertDescription.CLOSE_NOTIFY)) {
            return Input.ALERT_CLOSE_NOTIFY;
        }
        if (alert.description().equals(AlertDescription.USER_CANCELED)) {
            return Input.ALERT_WARNING;
        }
        boolean warning = alert.level().equals(AlertLevel.WARNING);
        return warning && facts.version() == ProtocolVersion.TLS12 ? Input.ALERT_WARNING : Input.ALERT_FATAL;
    }
}
