package io.tlsmachine;

/** Says whether a server asks the client for a certificate (RFC 8446 §4.3.2, RFC 5246 §7.4.4). */
public enum ClientAuthPolicy {
    /** No CertificateRequest. */
    NONE,
    /** CertificateRequest sent; an empty client Certificate is accepted. */
    REQUEST,
    /** CertificateRequest sent; an empty client Certificate fails with certificate_required (TLS 1.3) or handshake_failure. */
    REQUIRE
}
