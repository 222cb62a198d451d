package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.handshake.Flight;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.negotiation.ReceivedExtensions;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sees every handshake message one engine sends and receives: notes our requests' offers and holds each received
 * message's extension blocks to the table ({@link ReceivedExtensions}), and passes both directions to the provided
 * {@link HandshakeMessageListener}s (none in production).
 */
public final class HandshakeTraffic implements Consumer<Flight.Content> {

    private final HandshakeContext ctx;
    private final ReceivedExtensions extensions = new ReceivedExtensions();
    private final List<HandshakeMessageListener> listeners;

    public HandshakeTraffic(HandshakeContext ctx, List<HandshakeMessageListener> listeners) {
        this.ctx = ctx;
        this.listeners = listeners;
    }

    /** A handshake message we write (the engine's {@link FlightWriter} calls this, without a lambda per engine). */
    @Override
    public void accept(Flight.Content content) {
        extensions.sent(content.message());
        for (HandshakeMessageListener listener : listeners) {
            listener.sent(content.bytes(), ctx.decodeContext().from(ctx.role()));
        }
    }

    /**
     * A handshake message we received and decoded; {@code expected} tells whether the model declares its input here.
     * An unexpected message is left to the model (unexpected_message); an expected one must obey the extension table
     * before its facts are read and its step runs (RFC 8446 §4.2, RFC 5246 §7.4.1.4).
     */
    void received(HandshakeMessage message, byte[] encoded, boolean expected) {
        for (HandshakeMessageListener listener : listeners) {
            listener.received(encoded, ctx.decodeContext());
        }
        if (expected) {
            extensions.check(message);
        }
    }

    /** Drops what only the handshake needed (the offer responses were judged by), once the model reached CONNECTED. */
    void releaseHandshakeState() {
        extensions.releaseOffer();
    }
}
