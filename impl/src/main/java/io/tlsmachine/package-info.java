/**
 * Endpoint configuration: {@link io.tlsmachine.TlsConfig}, an immutable builder-made value, made of
 * focused pieces that each check their own values ({@link io.tlsmachine.ProtocolParameters},
 * {@link io.tlsmachine.AuthenticationConfig}, {@link io.tlsmachine.SessionConfig},
 * {@link io.tlsmachine.RecordLayerConfig}).
 *
 * <p><b>0-RTT anti-replay</b> (RFC 8446 §8). A server configured with {@code maxEarlyDataSize > 0} issues tickets
 * allowing early data and accepts it under RFC 8446 §8.1, single-use tickets: our tickets are self-contained, so
 * the "store" is {@link io.tlsmachine.EarlyDataAntiReplay}, which records the identifier (the random
 * 12-byte sealing nonce) of each ticket whose early data was accepted until that ticket expires (two hours), and
 * refuses early data on any later use (the connection still resumes, in 1-RTT). A replayed ClientHello (§8.2)
 * carries the same ticket, so it is refused as well, and the §8.3 freshness check bounds the ticket age the client
 * reports to within 10 s of ours. Bound: {@link io.tlsmachine.EarlyDataAntiReplay#DEFAULT_CAPACITY}
 * identifiers (about 100 bytes each, 1.6 MB); when full, expired identifiers are dropped, and if none expired,
 * early data is refused rather than accepted unrecorded. What a peer can make us hold: one identifier per ticket we
 * issued to it, for that ticket's lifetime; it cannot forge identifiers (tickets are authenticated), and filling
 * the record only turns 0-RTT off until tickets expire. The record is per configuration: servers behind a load
 * balancer sharing a ticket key but not the record would each accept a ticket's early data once.
 */
package io.tlsmachine;
