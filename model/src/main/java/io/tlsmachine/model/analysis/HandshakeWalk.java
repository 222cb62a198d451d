package io.tlsmachine.model.analysis;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.UnexpectedMessage;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.List;
import java.util.Optional;

/**
 * Holds the result of walking client and server together under one facts combination: the messages sent in
 * order, both final states, the unexpected_message that stopped the walk, if any, and the states each side passed
 * through (from START, one entry per transition taken).
 */
public record HandshakeWalk(Negotiated facts, List<SentMessage> messages, ClientState client, ServerState server,
        Optional<UnexpectedMessage> failure, List<ClientState> clientPath, List<ServerState> serverPath) {

    public HandshakeWalk {
        messages = List.copyOf(messages);
        clientPath = List.copyOf(clientPath);
        serverPath = List.copyOf(serverPath);
    }

    /** Tells whether both sides reached a connected state. */
    public boolean completed() {
        return client.connected() && server.connected() && failure.isEmpty();
    }

    /** Returns the message sequence as labels ({@code C: ClientHello}, ...), the identity of a handshake type. */
    public List<String> sequence() {
        return messages.stream().map(SentMessage::label).toList();
    }
}
