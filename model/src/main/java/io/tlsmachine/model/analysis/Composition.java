package io.tlsmachine.model.analysis;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Pairs a client machine with a server machine under one facts combination: the rules every composition of the two
 * follows, so that the handshake walker, the handshake composer and the composed model checker differ only in how
 * they schedule the network.
 *
 * <ul>
 *   <li><b>Delivery.</b> An output one side sends reaches the other as its {@code Message.receivedAs()} input under
 *       the output's epoch; a (state, input, epoch) without an enabled edge is rejected (unexpected_message).
 *   <li><b>0-RTT.</b> Early records reaching a server that did not accept 0-RTT are skipped by its record layer
 *       (RFC 8446 §4.2.10, Appendix A.2).
 *   <li><b>Transcript.</b> Each side keeps the handshake messages it sent and accepted before it was connected
 *       ({@link #TRANSCRIPT_MESSAGES}; TLS 1.3 post-handshake NewSessionTicket excluded). A handshake Finished carries
 *       the sender's transcript and verifies only if it equals the receiver's: the abstraction of the Finished MAC
 *       over the transcript hash (RFC 8446 §4.4.4, RFC 5246 §7.4.9).
 *   <li><b>Decisions.</b> A side in a state that reads only local inputs takes the first enabled of CONNECT,
 *       SELECT_HELLO_RETRY (when the facts say so and it sent none yet), SELECT_PARAMETERS, SEND_SERVER_FLIGHT.
 *   <li><b>Facts.</b> Both sides read the same facts: those the honest messages carry (DISCREPANCIES D5).
 * </ul>
 */
public final class Composition {

    /** Handshake messages as the transcript counts them (RFC 5246 §7.4.1.1: HelloRequest is not included). */
    public static final Set<Input> TRANSCRIPT_MESSAGES = EnumSet.of(Input.CLIENT_HELLO, Input.SERVER_HELLO,
            Input.HELLO_RETRY_REQUEST, Input.ENCRYPTED_EXTENSIONS, Input.CERTIFICATE, Input.CERTIFICATE_EMPTY,
            Input.CERTIFICATE_REQUEST, Input.CERTIFICATE_VERIFY, Input.SERVER_KEY_EXCHANGE, Input.SERVER_HELLO_DONE,
            Input.CLIENT_KEY_EXCHANGE, Input.NEW_SESSION_TICKET, Input.END_OF_EARLY_DATA,
            Input.KEY_UPDATE_NOT_REQUESTED, Input.KEY_UPDATE_REQUESTED, Input.FINISHED);

    private final Endpoint<ClientState> client;
    private final Endpoint<ServerState> server;
    private final Negotiated facts;

    private Composition(CompiledMachine<ClientState, ?> client, CompiledMachine<ServerState, ?> server,
            Negotiated facts) {
        this.client = new Endpoint<>(Role.CLIENT, client, facts);
        this.server = new Endpoint<>(Role.SERVER, server, facts);
        this.facts = facts;
    }

    /** Pairs the model's own client and server machines under {@code facts}. */
    public static Composition of(Negotiated facts) {
        return of(ClientMachine.compiled(), ServerMachine.compiled(), facts);
    }

    /** Pairs {@code client} and {@code server} (the model's machines or a broken variant) under {@code facts}. */
    public static Composition of(CompiledMachine<ClientState, ?> client, CompiledMachine<ServerState, ?> server,
            Negotiated facts) {
        return new Composition(client, server, facts);
    }

    /** Returns the client side. */
    public Endpoint<ClientState> client() {
        return client;
    }

    /** Returns the server side. */
    public Endpoint<ServerState> server() {
        return server;
    }

    /** Returns the facts both sides read. */
    public Negotiated facts() {
        return facts;
    }

    /**
     * Tells whether an output sent during the handshake enters the transcript: a handshake message, but not the TLS 1.3
     * NewSessionTicket (post-handshake, under the application keys).
     */
    public static boolean transcribed(Output output) {
        return TRANSCRIPT_MESSAGES.contains(output.message().receivedAs())
                && !(output.message() == Message.NEW_SESSION_TICKET && output.epoch() == Epoch.APPLICATION);
    }
}
