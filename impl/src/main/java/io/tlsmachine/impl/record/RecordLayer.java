package io.tlsmachine.impl.record;

import io.tlsmachine.PaddingPolicy;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Holds one connection's record layer, which the engine creates: the record reader, the record writer, the handshake
 * message assembler and the received application data not taken yet, with the volume written under the current
 * write key.
 */
public final class RecordLayer {

    private final RecordReader reader = new RecordReader();
    private final RecordWriter writer = new RecordWriter();
    private final HandshakeAssembler assembler;
    private final ByteQueue applicationIn = new ByteQueue();
    /** Application data bytes written under the current TLS 1.3 application write key. */
    private long bytesUnderWriteKey;

    /**
     * Creates the record layer of a connection that accepts handshake messages up to {@code maxHandshakeMessageSize}
     * bytes (Certificate messages up to the larger default) and pads TLS 1.3 records by {@code paddingPolicy}.
     */
    public RecordLayer(int maxHandshakeMessageSize, PaddingPolicy paddingPolicy) {
        this.assembler = new HandshakeAssembler(maxHandshakeMessageSize,
                Math.max(maxHandshakeMessageSize, HandshakeAssembler.DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH));
        writer.setPaddingPolicy(paddingPolicy);
        // The application data step takes each record at once (deliverApplicationData).
        reader.deliverApplicationDataInto(applicationIn);
    }

    public RecordReader reader() {
        return reader;
    }

    public RecordWriter writer() {
        return writer;
    }

    public HandshakeAssembler assembler() {
        return assembler;
    }

    /** RFC 8446 §5.1: switches the read key; pending handshake bytes under the old key are a failure. */
    public void switchReadKey(RecordProtection protection) {
        assembler.onReadKeyChange();
        reader.setProtection(protection);
    }

    /** Counts {@code length} application data bytes written under the current write key. */
    public void countApplicationDataWritten(int length) {
        bytesUnderWriteKey += length;
    }

    /** RFC 8446 §4.6.3: the write key is being replaced; the volume under the next one starts at zero. */
    public void restartWriteKeyVolume() {
        bytesUnderWriteKey = 0;
    }

    /**
     * RFC 8446 §5.5: whether the write key should be updated before the next application data, because the writer
     * nears the AEAD's limit or {@code limit} bytes (when configured) were written under it.
     */
    public boolean writeKeyUpdateDue(Optional<Long> limit) {
        if (writer.shouldRekey()) {
            return true;
        }
        return limit.isPresent() && bytesUnderWriteKey >= limit.get();
    }

    /** Drops both record keys once the connection has ended: what is still written goes in the clear. */
    public void dropKeys() {
        writer.setProtection(PlaintextProtection.INSTANCE);
        reader.setProtection(PlaintextProtection.INSTANCE);
    }

    /** Appends a received application data record to what the application reads. */
    public void deliverApplicationData(ReceivedRecord record) {
        applicationIn.append(record);
    }

    /** Returns and clears the application data received so far. */
    public byte[] takeApplicationData() {
        byte[] data = applicationIn.take();
        applicationIn.releaseIfEmpty();
        return data;
    }

    /** Moves as much received application data as fits into {@code dst}; returns how many bytes. */
    public int takeApplicationData(ByteBuffer dst) {
        return applicationIn.takeInto(dst);
    }

    /** The number of received application data bytes not taken yet. */
    public int applicationDataAvailable() {
        return applicationIn.size();
    }
}
