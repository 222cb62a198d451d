package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.KeyUpdate;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.Reason;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.impl.keyschedule.TrafficSecret;

/**
 * Implements the steps both roles share: application data, TLS 1.3 KeyUpdate, close_notify and alerts.
 * Alerts and ChangeCipherSpec records that a transition declares are written by the engine from the declaration.
 */
abstract class CommonSteps implements SharedSteps {

    final HandshakeContext ctx;

    CommonSteps(HandshakeContext ctx) {
        this.ctx = ctx;
        ctx.attachSteps(this);
    }

    /** Drops the state only the handshake needed (hellos, key shares), when the connection is established. */
    abstract void releaseHandshakeState();

    /** RFC 8446 §5: the compatibility ChangeCipherSpec is dropped unprocessed. */
    @Override
    public Negotiated ignoreChangeCipherSpec(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated receiveApplicationData(Negotiated facts, ReceivedRecord record) {
        ctx.records().deliverApplicationData(record);
        return facts;
    }

    @Override
    public Negotiated writeApplicationData(Negotiated facts, PendingWrite data) {
        ctx.records().countApplicationDataWritten(data.length());
        ctx.flight().applicationDataView(data.bytes(), data.offset(), data.length());
        return facts;
    }

    /**
     * RFC 8446 §4.6.3: "Upon receiving a KeyUpdate, the receiver MUST update its receiving keys"; with
     * update_requested it "MUST send its own KeyUpdate with request_update set to update_not_requested prior to
     * sending its next Application Data record", and then updates its sending keys.
     */
    @Override
    public Negotiated processKeyUpdate(Negotiated facts, KeyUpdate update, byte[] encoded) {
        if (ctx.role() == Role.CLIENT) {
            ctx.records().switchReadKey(protection(ctx.schedule().updateServerApplicationSecret()));
        } else {
            ctx.records().switchReadKey(protection(ctx.schedule().updateClientApplicationSecret()));
        }
        if (update.updateRequested()) {
            ctx.flight().handshake(Message.KEY_UPDATE_NOT_REQUESTED, new KeyUpdate(false), null);
            updateWriteKey();
        }
        return facts;
    }

    /** RFC 8446 §4.6.3: sends KeyUpdate(update_requested), then writes with the next generation. */
    @Override
    public Negotiated requestKeyUpdate(Negotiated facts) {
        ctx.flight().handshake(Message.KEY_UPDATE_REQUESTED, new KeyUpdate(true), null);
        updateWriteKey();
        return facts;
    }

    private void updateWriteKey() {
        ctx.records().restartWriteKeyVolume();
        // The KeyUpdate is sealed under the current key, which may still wait for the secret replaced below.
        ctx.records().writer().keyNow();
        if (ctx.role() == Role.CLIENT) {
            ctx.flight().writeKey(protection(ctx.schedule().updateClientApplicationSecret()));
        } else {
            ctx.flight().writeKey(protection(ctx.schedule().updateServerApplicationSecret()));
        }
    }

    /** RFC 8446 §7.3: the application traffic protection of {@code secret}, keyed when a record first uses it. */
    Tls13AeadProtection protection(TrafficSecret secret) {
        return Tls13AeadProtection.deferred(Epoch.APPLICATION, ctx.negotiation().suite().aead(), secret);
    }

    @Override
    public Negotiated close(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated receiveCloseNotify(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated receiveWarningAlert(Negotiated facts) {
        return facts;
    }

    /** RFC 8446 §6.2: a fatal alert ends the connection; nothing is sent back. */
    @Override
    public Decision receiveFatalAlert(Negotiated facts) {
        return Decision.reject(facts, Reason.PEER_SENT_FATAL_ALERT);
    }

    @Override
    public Negotiated refuseRenegotiation(Negotiated facts) {
        return facts;
    }

    /**
     * Names why the model's abort transition fires only where a fact says more than the alert the transition
     * declares: the downgrade sentinel (RFC 8446 §4.1.3). Otherwise the engine names the failure from the declared
     * alert (an empty server Certificate, §4.4.2.4; an unrequested or missing client Certificate, §4.4.2; a
     * CertificateRequest without post_handshake_auth, §4.6.2; a TLS 1.2 ServerHello after HelloRetryRequest, §4.1.4).
     */
    @Override
    public Decision abortHandshake(Negotiated facts) {
        return facts.downgradeDetected() ? Decision.reject(facts, Reason.DOWNGRADE_DETECTED) : Decision.proceed(facts);
    }
}
