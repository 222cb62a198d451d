package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.KeyUpdate;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the steps both roles and both versions share: record-level events, alerts, application data and TLS 1.3
 * key updates. Each takes what it consumes as an argument and returns the facts (or its {@link Decision}).
 */
public interface SharedSteps {

    /** RFC 8446 §5: drops a middlebox-compatibility ChangeCipherSpec without acting on it. */
    Negotiated ignoreChangeCipherSpec(Negotiated facts);

    /** Delivers a received application data record (or, on a server, a 0-RTT record) to the application. */
    Negotiated receiveApplicationData(Negotiated facts, ReceivedRecord record);

    /** Protects and sends the application's data. */
    Negotiated writeApplicationData(Negotiated facts, PendingWrite write);

    /** RFC 8446 §4.6.3: updates the read keys; answers update_requested with KeyUpdate(update_not_requested). */
    Negotiated processKeyUpdate(Negotiated facts, KeyUpdate update, byte[] encoded);

    /** RFC 8446 §4.6.3: sends KeyUpdate(update_requested) and updates the write keys. */
    Negotiated requestKeyUpdate(Negotiated facts);

    /** RFC 8446 §6.1, RFC 5246 §7.2.1: sends close_notify (the model declares it; nothing to produce). */
    Negotiated close(Negotiated facts);

    /** RFC 8446 §6.1: the peer closed; the model answers with close_notify when connected. */
    Negotiated receiveCloseNotify(Negotiated facts);

    /** Records a warning alert (TLS 1.2) or user_canceled (TLS 1.3) and carries on. */
    Negotiated receiveWarningAlert(Negotiated facts);

    /** RFC 8446 §6.2: the peer's fatal alert ends the connection; nothing is sent back. */
    Decision receiveFatalAlert(Negotiated facts);

    /** RFC 5246 §7.2.2: refuses renegotiation (the model declares the warning no_renegotiation alert). */
    Negotiated refuseRenegotiation(Negotiated facts);

    /** Aborts the handshake with the alert the transition declares, naming it more precisely where a fact says more. */
    Decision abortHandshake(Negotiated facts);
}
