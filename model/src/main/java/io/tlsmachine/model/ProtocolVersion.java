package io.tlsmachine.model;

/** Names the negotiated protocol version (RFC 8446 §4.2.1 supported_versions, RFC 5246 §7.4.1). */
public enum ProtocolVersion {
    TLS12,
    TLS13
}
