package io.tlsmachine.impl.engine;

import io.tlsmachine.Alert;
import io.tlsmachine.impl.codec.message.ChangeCipherSpec;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.AlertLevel;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.handshake.Flight;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.RecordWriter;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.impl.record.ByteQueue;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes the outputs a transition declares, in the declared order, under the declared epochs.
 *
 * <p>ChangeCipherSpec and alerts carry no content of their own, so they are written from the declaration;
 * every other output takes the next item of the step's {@link Flight}, which must be of the same kind. Key
 * changes the step queued take effect just before the next item. A step that queued something undeclared, or
 * an output under an epoch other than the writer's, is a bug: internal_error.
 */
public final class FlightWriter {

    private final RecordWriter writer;
    /** Sees each handshake message as it is written. */
    private final java.util.function.Consumer<Flight.Content> handshakeSent;
    /** Records sealed and not yet drained; its buffer is kept while application data flows, else dropped when drained. */
    private final ByteQueue bytes = new ByteQueue();
    private boolean lastWasApplicationData;
    private boolean fatalAlertSent;

    public FlightWriter(RecordWriter writer, java.util.function.Consumer<Flight.Content> handshakeSent) {
        this.writer = writer;
        this.handshakeSent = handshakeSent;
    }

    void write(Flight flight, List<Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            Message kind = output.message();
            if (kind == Message.CHANGE_CIPHER_SPEC) {
                // RFC 8446 §5 and Appendix D.4: the compatibility ChangeCipherSpec is never protected.
                bytes.write(writer.epoch() == Epoch.PLAINTEXT
                        ? writer.write(ContentType.CHANGE_CIPHER_SPEC, new ChangeCipherSpec().encode())
                        : writer.compatibilityChangeCipherSpec());
                continue;
            }
            Alert alert = alertOf(kind);
            if (alert != null) {
                applyKeyChanges(flight, writer);
                requireEpoch(output, writer);
                byte[] encoded = alert.encode();
                writer.write(ContentType.ALERT, encoded, 0, encoded.length, bytes);
                continue;
            }
            applyKeyChanges(flight, writer);
            Flight.Item item = flight.poll();
            if (!(item instanceof Flight.Content content) || content.kind() != kind) {
                throw TlsException.fatal(Reason.INTERNAL_ERROR, "the transition declares " + kind.label()
                        + " but the step produced " + describe(item));
            }
            requireEpoch(output, writer);
            boolean applicationData = kind == Message.APPLICATION_DATA;
            lastWasApplicationData = applicationData;
            if (!applicationData) {
                handshakeSent.accept(content);
            }
            ContentType type = applicationData ? ContentType.APPLICATION_DATA : ContentType.HANDSHAKE;
            writer.write(type, content.bytes(), content.offset(), content.length(), bytes);
        }
        applyKeyChanges(flight, writer);
        if (!flight.isEmpty()) {
            throw TlsException.fatal(Reason.INTERNAL_ERROR, "the step produced an undeclared " + describe(flight.peek()));
        }
    }

    private static void applyKeyChanges(Flight flight, RecordWriter writer) {
        while (flight.peek() instanceof Flight.WriteKeyChange change) {
            flight.poll();
            writer.setProtection(change.protection());
        }
    }

    private static void requireEpoch(Output output, RecordWriter writer) {
        if (writer.epoch() != output.epoch()) {
            throw TlsException.fatal(Reason.INTERNAL_ERROR, output.message().label() + " is declared under "
                    + output.epoch().label() + " but the write key is " + writer.epoch());
        }
    }

    private static String describe(Flight.Item item) {
        if (item == null) {
            return "nothing";
        }
        return item instanceof Flight.Content content ? content.kind().label() : "a key change";
    }

    /**
     * RFC 8446 §6, RFC 5246 §7.2: the alert a declared alert output stands for; null for other messages. A declared
     * fatal alert is the alert of the failure it names ({@link DeclaredRejection#reasonOf}, then {@link
     * Reason#alertToSend}, the one map from failure to alert); the two warnings are no failure.
     */
    private static Alert alertOf(Message kind) {
        if (kind == Message.ALERT_CLOSE_NOTIFY) {
            return new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
        }
        if (kind == Message.ALERT_NO_RENEGOTIATION) {
            return new Alert(AlertLevel.WARNING, AlertDescription.NO_RENEGOTIATION);
        }
        Reason failure = DeclaredRejection.reasonOf(kind);
        return failure == null ? null : Alert.fatal(failure.alertToSend().orElseThrow());
    }

    /** Writes one fatal alert under the current write key; at most once per connection, and never if writing fails. */
    void writeFatalAlert(AlertDescription description) {
        if (fatalAlertSent) {
            return;
        }
        fatalAlertSent = true;
        try {
            bytes.write(writer.write(ContentType.ALERT, Alert.fatal(description).encode()));
        } catch (RuntimeException e) {
            // The write key itself failed (e.g. exhausted): the connection ends without an alert.
        }
    }

    public byte[] drain() {
        byte[] drained = bytes.take();
        releaseUnlessStreaming();
        return drained;
    }

    /** Moves as many pending bytes as fit into {@code dst}; returns how many. */
    public int drainInto(ByteBuffer dst) {
        int count = bytes.takeInto(dst);
        releaseUnlessStreaming();
        return count;
    }

    /** Lends the pending bytes to {@code sink} (no copy) and drops what it consumed; returns how many. */
    public int drainWith(java.util.function.Consumer<ByteBuffer> sink) {
        int count = bytes.takeWith(sink);
        releaseUnlessStreaming();
        return count;
    }

    /** The number of bytes waiting to be drained. */
    public int pending() {
        return bytes.size();
    }

    /** Keeps the buffer for the next application data records; a connection that only shook hands holds none. */
    private void releaseUnlessStreaming() {
        if (!lastWasApplicationData) {
            bytes.releaseIfEmpty();
        }
    }
}
