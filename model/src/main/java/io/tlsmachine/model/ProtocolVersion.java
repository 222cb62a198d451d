package io.tlsmachine.model;

/**
 * Names the negotiated protocol version (RFC 8446 §4.2.1 supported_versions, RFC 5246 §7.4.1), with its code point on
 * the wire ({@code uint16 ProtocolVersion}, RFC 8446 §4.1.2).
 */
public enum ProtocolVersion {
    TLS12(0x0303),
    TLS13(0x0304);

    private final int code;

    ProtocolVersion(int code) {
        this.code = code;
    }

    /** The version's code point: 0x0303 for TLS 1.2, 0x0304 for TLS 1.3. */
    public int code() {
        return code;
    }
}
