package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.impl.record.RecordProtection;
import io.tlsmachine.model.Message;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Queues what one step produced for the wire: handshake messages and application data (each tagged with the
 * model {@link Message} it is) and write-key changes, in order.
 *
 * <p>The engine drains it while writing the outputs the model's transition declares: content-free outputs
 * (ChangeCipherSpec, alerts) come from the declaration itself; every other declared output takes the next item,
 * whose kind must match, after the key changes queued before it.
 */
public final class Flight {

    /** One queued item. */
    public sealed interface Item permits Content, WriteKeyChange {
    }

    /**
     * A handshake message (encoded with its header, and {@code message} the message itself) or application data
     * ({@code message} null), named by its model message kind: the bytes {@code bytes[offset, offset+length)}.
     */
    public record Content(Message kind, byte[] bytes, int offset, int length, HandshakeMessage message) implements Item {
        public Content {
            java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        }

        /** Application data that is all of {@code bytes}. */
        public Content(Message kind, byte[] bytes) {
            this(kind, bytes, 0, bytes.length, null);
        }
    }

    /** From here on, records are written under {@code protection}. */
    public record WriteKeyChange(RecordProtection protection) implements Item {
    }

    /**
     * The next item, kept apart from the queue so that a one-item flight (every application write) needs no queue;
     * null when nothing is queued.
     */
    private Item head;
    /** The items after {@link #head}: made on first use, dropped by {@link #releaseIfEmpty()}. */
    private Deque<Item> rest;

    /** Encodes {@code message}, adds it to {@code transcript} (unless null) and queues it as {@code kind}. */
    public void handshake(Message kind, HandshakeMessage message, Transcript transcript) {
        byte[] encoded = HandshakeCodec.encode(message);
        if (transcript != null) {
            transcript.add(encoded);
        }
        add(new Content(kind, encoded, 0, encoded.length, message));
    }

    /** Queues application data (a copy of it). */
    public void applicationData(byte[] data) {
        add(new Content(Message.APPLICATION_DATA, data.clone()));
    }

    /**
     * Queues {@code data[offset, offset+length)} as application data without copying it: the engine writes it out
     * before the caller's write returns.
     */
    public void applicationDataView(byte[] data, int offset, int length) {
        add(new Content(Message.APPLICATION_DATA, data, offset, length, null));
    }

    /** Queues a switch of the write key. */
    public void writeKey(RecordProtection protection) {
        add(new WriteKeyChange(protection));
    }

    /** Removes and returns the next item, or null. */
    public Item poll() {
        Item next = head;
        head = rest == null ? null : rest.pollFirst();
        return next;
    }

    /** Returns the next item without removing it, or null. */
    public Item peek() {
        return head;
    }

    public boolean isEmpty() {
        return head == null;
    }

    /** Drops everything queued, destroying queued keys (after a failure). */
    public void clear() {
        for (Item item = poll(); item != null; item = poll()) {
            if (item instanceof WriteKeyChange change) {
                change.protection().destroy();
            }
        }
    }

    /** Drops the queue when nothing is queued (the next items make a new one). */
    public void releaseIfEmpty() {
        if (isEmpty()) {
            rest = null;
        }
    }

    private void add(Item item) {
        if (head == null) {
            head = item;
        } else {
            if (rest == null) {
                rest = new ArrayDeque<>(4);
            }
            rest.addLast(item);
        }
    }
}
