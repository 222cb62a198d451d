package io.tlsmachine.impl.engine;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/**
 * Bounds what a peer may send that costs us work and moves the connection nowhere (the CVE-2020-25648 class: a
 * stream of records each of which is dropped or answered): one connection's counters, each with its named limit.
 * Progress (a non-empty application data record, or a handshake message other than KeyUpdate) resets the "in a row"
 * counters; the KeyUpdate count restarts with data and whenever we request an update ourselves (the peer answers it). One more than a limit is unexpected_message. specs/limits.md lists the limits with their reasons.
 */
public final class ReceiveLimits {
    /**
     * RFC 8446 Appendix D.4: a peer in middlebox compatibility mode sends one dummy change_cipher_spec in a TLS 1.3
     * handshake ("immediately before its second flight" / "immediately after its first handshake message").
     */
    public static final int MAX_TLS13_CHANGE_CIPHER_SPECS = 1;
    /** RFC 8446 §5.1, RFC 5246 §6.2.1 allow empty application data records; OpenSSL stops at 32 in a row. */
    public static final int MAX_EMPTY_RECORDS_IN_A_ROW = 32;
    /** RFC 5246 §7.2 (and user_canceled in TLS 1.3, §6.1): a warning does not end the connection; OpenSSL allows 5. */
    public static final int MAX_WARNING_ALERTS_IN_A_ROW = 5;
    /** RFC 8446 §4.6.3: each KeyUpdate costs a key derivation and may ask for an answer; 32 without data between. */
    public static final int MAX_KEY_UPDATES_IN_A_ROW = 32;

    // Bytes, not ints: every established connection holds these counters, and a count never passes its limit + 1 (33).
    private byte changeCipherSpecs;
    private byte emptyRecords;
    private byte warningAlerts;
    private byte keyUpdates;

    /** Counts a change_cipher_spec record received in TLS 1.3 (or before the version is known). */
    void tls13ChangeCipherSpec() {
        changeCipherSpecs = checked(changeCipherSpecs + 1, MAX_TLS13_CHANGE_CIPHER_SPECS,
                "change_cipher_spec records in a TLS 1.3 handshake");
    }

    /** Counts a warning alert (TLS 1.2 warning level, or user_canceled). */
    void warningAlert() {
        warningAlerts = checked(warningAlerts + 1, MAX_WARNING_ALERTS_IN_A_ROW, "warning alerts in a row");
    }

    /** Counts an application data record: an empty one adds to its limit, any other is progress. */
    void applicationData(int length) {
        if (length > 0) {
            progress();
            keyUpdates = 0;
        } else {
            emptyRecords = checked(emptyRecords + 1, MAX_EMPTY_RECORDS_IN_A_ROW, "empty records in a row");
        }
    }

    /** Counts a handshake message: a KeyUpdate adds to its limit, any other message is progress. */
    void handshakeMessage(boolean keyUpdate) {
        if (keyUpdate) {
            keyUpdates = checked(keyUpdates + 1, MAX_KEY_UPDATES_IN_A_ROW,
                    "KeyUpdate messages without application data between");
        } else {
            progress();
        }
    }

    /** Our own KeyUpdate(update_requested) invites the peer's answer: the KeyUpdates so far are not held against it. */
    void keyUpdateRequested() {
        keyUpdates = 0;
    }

    private void progress() {
        emptyRecords = 0;
        warningAlerts = 0;
    }

    private static byte checked(int count, int limit, String what) {
        if (count > limit) {
            throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "more than " + limit + " " + what);
        }
        return (byte) count;
    }
}
