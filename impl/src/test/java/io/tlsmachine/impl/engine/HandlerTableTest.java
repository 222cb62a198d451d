package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.handshake.ClientHandshake;
import io.tlsmachine.impl.handshake.ClientHelloSteps;
import io.tlsmachine.impl.handshake.Tls13ClientSteps;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientStep;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import org.junit.jupiter.api.Test;

/** The class-load check of the handler tables refuses a missing handler, a duplicate, and a wrong message type. */
class HandlerTableTest {

    @Test
    void bothRolesTablesCoverEveryTransitionOfTheirMachine() {
        for (Transition<ClientState, ClientSteps> t : ClientMachine.definition().transitions()) {
            assertThat(ClientHandlers.TABLE.handlerOf(t)).as(t.label()).isNotNull();
        }
        ServerMachine.definition().transitions().forEach(t -> assertThat(ServerHandlers.TABLE.handlerOf(t)).as(t.label()).isNotNull());
    }

    @Test
    void picksTheVersionsHandlerFromTheRegionOfTheTransition() {
        Transition<ClientState, ClientSteps> tls13 = edge(ClientState.WAIT_SH, ClientState.WAIT_EE);
        Transition<ClientState, ClientSteps> tls12 = edge(ClientState.WAIT_SH, ClientState.TLS12_WAIT_CERT);
        assertThat(HandlerTable.regionOf(tls13)).isEqualTo(VersionRegion.TLS13);
        assertThat(HandlerTable.regionOf(tls12)).isEqualTo(VersionRegion.TLS12);
        assertThat(ClientHandlers.TABLE.handlerOf(tls13)).isNotSameAs(ClientHandlers.TABLE.handlerOf(tls12));
    }

    @Test
    void refusesATransitionWithoutHandler() {
        HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> table = HandlerTable.builder(ClientMachine.definition());
        table.anyRegion((ClientHandshake c) -> (ClientHelloSteps) c).on(ClientStep.SEND_CLIENT_HELLO, ClientHelloSteps::sendClientHello);
        assertThatThrownBy(() -> table.build(InputMapper::argumentType))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no handler for client ");
    }

    @Test
    void refusesTheSameStepRegisteredTwiceForARegion() {
        HandlerTable.Region<ClientHandshake, ClientHelloSteps> hellos = HandlerTable.<ClientState, ClientSteps, ClientHandshake>builder(
                ClientMachine.definition()).anyRegion(c -> c);
        hellos.on(ClientStep.SEND_CLIENT_HELLO, ClientHelloSteps::sendClientHello);
        assertThatThrownBy(() -> hellos.on(ClientStep.SEND_CLIENT_HELLO, ClientHelloSteps::sendClientHello))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers for SEND_CLIENT_HELLO");
    }

    @Test
    void refusesTwoHandlersServingOneTransition() {
        HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> table = ClientHandlers.registrations();
        // The complete table already serves PROCESS_SERVER_HELLO in TLS 1.3; a handler for every region serves it too.
        table.anyRegion(ClientHandshake::tls13).onMessage(ClientStep.PROCESS_SERVER_HELLO, ServerHello.class,
                Tls13ClientSteps::processServerHello);
        assertThatThrownBy(() -> table.build(InputMapper::argumentType))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers for client WAIT_SH")
                .hasMessageContaining("PROCESS_SERVER_HELLO");
    }

    @Test
    void refusesAHandlerWhoseTypeIsNotWhatTheInputCarries() {
        HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> table = HandlerTable.builder(ClientMachine.definition());
        table.anyRegion((ClientHandshake c) -> (ClientHelloSteps) c)
                .onMessage(ClientStep.SEND_CLIENT_HELLO, ServerHello.class, (port, facts, hello, encoded) -> facts);
        assertThatThrownBy(() -> table.build(InputMapper::argumentType))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handler SEND_CLIENT_HELLO(ServerHello) cannot take what CONNECT carries (Void)");
    }

    @Test
    void refusesAHandlerThatServesNoTransition() {
        HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> table = ClientHandlers.registrations();
        // The model has no TLS 1.2 EncryptedExtensions.
        table.port(VersionRegion.TLS12, ClientHandshake::tls13).onMessage(ClientStep.PROCESS_ENCRYPTED_EXTENSIONS,
                io.tlsmachine.impl.codec.message.EncryptedExtensions.class, Tls13ClientSteps::processEncryptedExtensions);
        assertThatThrownBy(() -> table.build(InputMapper::argumentType))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("handler PROCESS_ENCRYPTED_EXTENSIONS@TLS12(EncryptedExtensions) serves no transition of the client machine");
    }

    private static Transition<ClientState, ClientSteps> edge(ClientState from, ClientState to) {
        return ClientMachine.definition().transitions().stream().filter(t -> t.from() == from && t.to() == to).findFirst().orElseThrow();
    }
}
