package io.tlsmachine.verification.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.verification.model.Machines;
import org.junit.jupiter.api.Test;

/**
 * Checks the reachability behind the stale-record folding of the composed checker: a record is stale only when its
 * receiver rejects it now and in every state it can still reach.
 */
class PartyTest {

    private final Party client = new Party("C", Machines.real().client(),
            Machines.real().composition(Negotiated.tls13()).client());
    private final Negotiated middlebox = Negotiated.tls13().with(Fact.MIDDLEBOX_COMPAT, true);

    @Test
    void serverHelloIsStaleForAClientPastWaitSh() {
        assertThat(client.rejectedForever(ClientState.WAIT_EE.ordinal(), Input.SERVER_HELLO, Epoch.PLAINTEXT, middlebox))
                .isTrue();
        assertThat(client.rejectedForever(ClientState.WAIT_SH.ordinal(), Input.SERVER_HELLO, Epoch.PLAINTEXT, middlebox))
                .isFalse();
    }

    @Test
    void recordsAReachableStateStillAcceptsAreNotStale() {
        // WAIT_EE rejects a Finished, but WAIT_FINISHED, reachable from it, accepts one.
        assertThat(client.find(ClientState.WAIT_EE.ordinal(), Input.FINISHED, Epoch.HANDSHAKE, middlebox)).isNull();
        assertThat(client.rejectedForever(ClientState.WAIT_EE.ordinal(), Input.FINISHED, Epoch.HANDSHAKE, middlebox))
                .isFalse();
        assertThat(client.rejectedForever(ClientState.WAIT_EE.ordinal(), Input.APPLICATION_DATA, Epoch.APPLICATION,
                middlebox)).isFalse();
    }

    @Test
    void aHandshakeMessageInPlaintextIsStaleOnceHandshakeKeysAreInUse() {
        assertThat(client.rejectedForever(ClientState.WAIT_CERT_CR.ordinal(), Input.CERTIFICATE, Epoch.PLAINTEXT,
                middlebox)).isTrue();
    }
}
