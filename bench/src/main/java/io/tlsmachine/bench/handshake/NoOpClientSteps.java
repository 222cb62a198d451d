package io.tlsmachine.bench.handshake;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.client.ClientSteps;

/** Client steps that do nothing and keep the facts: what remains of a model step is the machine's own cost. */
final class NoOpClientSteps implements ClientSteps {

    @Override
    public Negotiated ignoreChangeCipherSpec(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated receiveApplicationData(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated writeApplicationData(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processKeyUpdate(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated requestKeyUpdate(Negotiated facts) {
        return facts;
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

    @Override
    public Negotiated receiveFatalAlert(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated refuseRenegotiation(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated abortHandshake(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated sendClientHello(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processHelloRetryRequest(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerHello(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processEncryptedExtensions(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processCertificateRequest(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerCertificate(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerCertificateVerify(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerFinished(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processNewSessionTicket(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processPostHandshakeCertificateRequest(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerKeyExchange(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processServerHelloDone(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processChangeCipherSpec(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processTls12ServerFinished(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated ignoreHelloRequest(Negotiated facts) {
        return facts;
    }
}
