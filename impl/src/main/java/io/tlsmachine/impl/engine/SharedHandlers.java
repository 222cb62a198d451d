package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.message.KeyUpdate;
import io.tlsmachine.impl.handshake.PendingWrite;
import io.tlsmachine.impl.handshake.SharedSteps;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.Step;

/**
 * Registers the steps both roles share on {@link SharedSteps}, for every region. Both roles' step enums name these
 * steps alike (the model's {@code ConnectionSteps}), so one registration serves both.
 */
final class SharedHandlers {

    private SharedHandlers() {
    }

    /** Registers the shared steps of the role whose step enum is {@code steps}. */
    static <C, E extends Enum<E> & Step<?>> void register(HandlerTable.Region<C, SharedSteps> shared, Class<E> steps) {
        shared.on(Enum.valueOf(steps, "IGNORE_CHANGE_CIPHER_SPEC"), SharedSteps::ignoreChangeCipherSpec)
                .on(Enum.valueOf(steps, "RECEIVE_APPLICATION_DATA"), ReceivedRecord.class, SharedSteps::receiveApplicationData)
                .on(Enum.valueOf(steps, "WRITE_APPLICATION_DATA"), PendingWrite.class, SharedSteps::writeApplicationData)
                .onMessage(Enum.valueOf(steps, "PROCESS_KEY_UPDATE"), KeyUpdate.class, SharedSteps::processKeyUpdate)
                .on(Enum.valueOf(steps, "REQUEST_KEY_UPDATE"), SharedSteps::requestKeyUpdate)
                .on(Enum.valueOf(steps, "CLOSE"), SharedSteps::close)
                .on(Enum.valueOf(steps, "RECEIVE_CLOSE_NOTIFY"), SharedSteps::receiveCloseNotify)
                .on(Enum.valueOf(steps, "RECEIVE_WARNING_ALERT"), SharedSteps::receiveWarningAlert)
                .decide(Enum.valueOf(steps, "RECEIVE_FATAL_ALERT"), SharedSteps::receiveFatalAlert)
                .on(Enum.valueOf(steps, "REFUSE_RENEGOTIATION"), SharedSteps::refuseRenegotiation)
                .decide(Enum.valueOf(steps, "ABORT_HANDSHAKE"), SharedSteps::abortHandshake);
    }
}
