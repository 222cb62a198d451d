package io.tlsmachine.verification.engine;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.util.Optional;

/**
 * One field-level hostile-peer case: the honest script of {@code peer} up to record {@code index}, then
 * {@code record} (the honest record there with one field mutated) in its place. {@code expected} is the alert the
 * RFC sentence {@code rfc} requires our engine to send, or empty where the RFC requires the change to be ignored (the
 * engine then reaches the state the honest record leads to).
 */
record HostileCase(ScriptedPeer peer, int index, String category, String message, String field, String mutation,
        String rfc, Optional<AlertDescription> expected, byte[] record) {

    Role role() {
        return peer.victimRole();
    }

    ProtocolVersion version() {
        return peer.scenario().version();
    }

    /** The distinct name of the case: scenario, role, message, field and mutation. */
    String name() {
        return peer.scenario().name() + " / our " + role() + " / " + message + "." + field + ": " + mutation + " -> "
                + expected.map(AlertDescription::toString).orElse("ignored");
    }

    @Override
    public String toString() {
        return name() + " [" + rfc + "]";
    }
}
