package io.tlsmachine.impl.engine;

import io.tlsmachine.Alert;
import io.tlsmachine.impl.codec.message.ChangeCipherSpec;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.KeyUpdate;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.record.ReceivedHandshakeMessage;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.impl.record.RecordLayer;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import java.util.Optional;

/**
 * Turns each record the reader opened into the model's input: handshake messages through the assembler and the
 * codec, ChangeCipherSpec, alerts and application data as they are; each is fired once, with the decoded message as
 * the step's argument, after {@link ReceiveLimits} counted it. The inbound half of the engine, apart from its public API.
 */
public final class InboundRecords {

    private final RecordLayer records;
    private final HandshakeContext ctx;
    private final RoleMachine<?, ?, ?> machine;
    private final ModelDriver driver;
    private final ReceiveLimits limits;
    private final HandshakeTraffic traffic;
    private Alert receivedAlert;

    public InboundRecords(RecordLayer records, HandshakeContext ctx, RoleMachine<?, ?, ?> machine, ModelDriver driver,
            HandshakeTraffic traffic) {
        this.records = records;
        this.ctx = ctx;
        this.machine = machine;
        this.driver = driver;
        this.limits = driver.limits();
        this.traffic = traffic;
    }

    /** Returns the alert the peer sent last, if any. */
    public Optional<Alert> receivedAlert() {
        return Optional.ofNullable(receivedAlert);
    }

    public void dispatch(ReceivedRecord record) {
        Epoch epoch = record.epoch();
        if (records.assembler().accept(record)) {
            ReceivedHandshakeMessage message;
            while (!machine.state().terminal() && (message = records.assembler().poll()) != null) {
                handshake(message);
            }
            return;
        }
        ContentType type = record.type();
        if (type.equals(ContentType.CHANGE_CIPHER_SPEC)) {
            ChangeCipherSpec changeCipherSpec = ChangeCipherSpec.decode(record.fragment());
            if (machine.facts().version() != ProtocolVersion.TLS12) {
                limits.tls13ChangeCipherSpec();
            }
            driver.fire(Input.CHANGE_CIPHER_SPEC, epoch, changeCipherSpec, null);
        } else if (type.equals(ContentType.ALERT)) {
            Alert alert = Alert.decode(record.fragment());
            this.receivedAlert = alert;
            Input input = InputMapper.alertInput(alert, machine.facts());
            if (input == Input.ALERT_WARNING) {
                limits.warningAlert();
            }
            driver.fire(input, epoch, alert, null);
        } else if (type.equals(ContentType.APPLICATION_DATA)) {
            limits.applicationData(record.length());
            driver.fire(Input.APPLICATION_DATA, epoch, record, null);
        } else {
            throw TlsException.fatal(Reason.UNKNOWN_CONTENT_TYPE, "record type " + type);
        }
    }

    /**
     * Decodes one handshake message (the codec knows no state: it decodes with what has been negotiated) and fires its
     * input once, with the message as the step's argument and the facts it carries; an expected message's extension
     * blocks are first held to the extension table ({@link HandshakeTraffic}). RFC 8446 §6.2: a message whose
     * body does not decode is unexpected_message where the model expects no message of its type, else decode_error.
     */
    private void handshake(ReceivedHandshakeMessage received) {
        Epoch epoch = received.epoch();
        HandshakeMessage message;
        try {
            message = HandshakeCodec.decode(received.encoded(), ctx.decodeContext());
        } catch (RuntimeException e) {
            List<Input> candidates = InputMapper.candidates(received.type());
            if (candidates.isEmpty() || candidates.stream().noneMatch(input -> machine.declares(input, epoch))) {
                throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "handshake type " + received.type().name() + " in "
                        + machine.state().name() + "@" + epoch.label());
            }
            throw e;
        }
        limits.handshakeMessage(message instanceof KeyUpdate);
        Input input = InputMapper.input(message);
        traffic.received(message, received.encoded(), machine.declares(input, epoch));
        machine.updateFacts(InputMapper.carriedFacts(message, machine.facts(), ctx.config(), ctx));
        driver.fire(input, epoch, message, received.encoded());
    }
}
