package io.tlsmachine.impl.keyschedule;

/** Where a PSK came from, which selects its binder key label (RFC 8446 §7.1). */
public enum PskKind {
    /** An externally provisioned PSK: "ext binder". */
    EXTERNAL("ext binder"),
    /** A PSK from a NewSessionTicket (§4.6.1): "res binder". */
    RESUMPTION("res binder");

    private final String binderLabel;

    PskKind(String binderLabel) {
        this.binderLabel = binderLabel;
    }

    /** Returns the Derive-Secret label of this kind's binder_key. */
    public String binderLabel() {
        return binderLabel;
    }
}
