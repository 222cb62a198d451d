package io.tlsmachine;

/**
 * What a TLS 1.3 server does when the client lists a KEM group we prefer (a post-quantum hybrid such as
 * X25519MLKEM768) in supported_groups but sent no key share for it, while it did send one for a group we accept.
 *
 * <p>RFC 8446 §4.2.8 leaves the choice to the server: it may use the share it has, or send a HelloRetryRequest
 * for the group it prefers. Most deployed servers take the share (no extra round trip, but no post-quantum
 * protection for that connection); {@link #RETRY_FOR_KEM} pays the round trip for it.
 */
public enum KemShareRule {
    /** Use the client's share for our most preferred group it sent one for (the default). */
    ACCEPT_CLASSICAL_SHARE,
    /** Send a HelloRetryRequest for our most preferred KEM group the client lists, when it ranks above every sent share. */
    RETRY_FOR_KEM
}
