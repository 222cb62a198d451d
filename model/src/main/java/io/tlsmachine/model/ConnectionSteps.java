package io.tlsmachine.model;

/**
 * Declares the steps both roles share (record-level events, alerts, application data, TLS 1.3 key updates).
 *
 * <p>Every method receives the current facts and returns the facts to continue with; none chooses the next state.
 */
public interface ConnectionSteps {

    /** RFC 8446 §5: drops a middlebox-compatibility ChangeCipherSpec without acting on it. */
    Negotiated ignoreChangeCipherSpec(Negotiated facts);

    /** Delivers received application data (or 0-RTT data) to the application. */
    Negotiated receiveApplicationData(Negotiated facts);

    /** Protects and sends the application's data. */
    Negotiated writeApplicationData(Negotiated facts);

    /** RFC 8446 §4.6.3: updates the read keys; answers update_requested with KeyUpdate(update_not_requested). */
    Negotiated processKeyUpdate(Negotiated facts);

    /** RFC 8446 §4.6.3: sends KeyUpdate(update_requested) and updates the write keys. */
    Negotiated requestKeyUpdate(Negotiated facts);

    /** RFC 8446 §6.1, RFC 5246 §7.2.1: sends close_notify. */
    Negotiated close(Negotiated facts);

    /** RFC 8446 §6.1: the peer closed; answers with close_notify when connected. */
    Negotiated receiveCloseNotify(Negotiated facts);

    /** Records a warning alert (TLS 1.2) or user_canceled (TLS 1.3) and carries on. */
    Negotiated receiveWarningAlert(Negotiated facts);

    /** Records the peer's fatal alert; the connection is over. */
    Negotiated receiveFatalAlert(Negotiated facts);

    /** RFC 5246 §7.2.2: refuses renegotiation with a warning no_renegotiation alert. */
    Negotiated refuseRenegotiation(Negotiated facts);

    /** Aborts the handshake with the alert the transition declares (e.g. the downgrade sentinel). */
    Negotiated abortHandshake(Negotiated facts);
}
