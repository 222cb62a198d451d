/**
 * The handshake steps, as per-version ports the version classes implement directly:
 * {@link io.tlsmachine.impl.handshake.Tls13ClientSteps} ({@code Tls13Client}),
 * {@link io.tlsmachine.impl.handshake.Tls12ClientSteps} ({@code Tls12Client}),
 * {@link io.tlsmachine.impl.handshake.Tls13ServerSteps} ({@code Tls13Server}),
 * {@link io.tlsmachine.impl.handshake.Tls12ServerSteps} ({@code Tls12Server}), and for what both versions share
 * {@link io.tlsmachine.impl.handshake.ClientHelloSteps} ({@code ClientHandshake}),
 * {@link io.tlsmachine.impl.handshake.ServerHelloSteps} ({@code ServerNegotiation}) and
 * {@link io.tlsmachine.impl.handshake.SharedSteps} (both roles). The engine's handler tables register each step once
 * for the model's transitions of its version region. A step gets the received message (and its exact bytes) as its
 * argument, verifies, derives keys and queues the content of the outputs the model declares in a
 * {@link io.tlsmachine.impl.handshake.Flight}; it returns the facts, or a {@link io.tlsmachine.impl.handshake.Decision}
 * (the model's next local input, or why a declared rejection ends the connection), and never chooses a state. A step
 * fails with {@code throw TlsException.fatal(Reason.X, "what failed")}.
 *
 * <p>Implemented: TLS 1.3 full handshake (ECDHE, certificates, HelloRetryRequest for another group, middlebox
 * compatibility, client authentication, KeyUpdate, close_notify) and resumption from NewSessionTicket PSKs
 * (psk_dhe_ke and psk_ke, binders, also after HelloRetryRequest); TLS 1.2 full ECDHE handshake (ECDSA/RSA, AES-GCM,
 * ChaCha20-Poly1305, extended master secret, RFC 5746 renegotiation_info, client authentication) and RFC 5077
 * ticket resumption and session-ID resumption (ServerSessionCache). Both versions: record_size_limit (RFC 8449,
 * {@code RecordSizeLimits}) and a configurable TLS 1.3 padding policy. TLS 1.3 server: optional HelloRetryRequest
 * cookies and the check that ClientHello2 changes only what RFC 8446 §4.1.2 allows ({@code RetriedClientHello}).
 * TLS 1.3: automatic KeyUpdate before the AEAD limit or a configured volume (the engine asks
 * {@link io.tlsmachine.impl.record.RecordLayer#writeKeyUpdateDue}). TLS 1.3 post-handshake client
 * authentication (each over a fork of the handshake transcript). TLS 1.3 0-RTT ({@code ZeroRtt}, RFC 8446 §2.3,
 * §4.2.10, §4.5): the server's tickets allow early data when configured ({@code maxEarlyDataSize}) and record their
 * suite, ALPN protocol and server name; the client sends queued early data under client_early_traffic_secret with a
 * ticket that allows it, and EndOfEarlyData when accepted ({@link io.tlsmachine.EarlyDataStatus}); the
 * server accepts it only on the first PSK identity, the same suite, ALPN and SNI, a fresh ticket age, and the
 * ticket's first 0-RTT use (see the config package for anti-replay), delivers it apart from 1-RTT data, bounded by
 * max_early_data_size, and otherwise skips the early records (bounded). TLS 1.2 opt-in DHE_RSA and RSA key
 * transport suites: the suite's key exchange is the model's fact ({@code SuiteParameters#tls12KeyExchange}), the
 * server's choice in {@code Tls12SuiteChoice}, RFC 7919 groups and custom-group policy in {@code FfdheNegotiation},
 * the premaster countermeasure in {@code RsaKeyTransport}.
 */
package io.tlsmachine.impl.handshake;

import io.tlsmachine.EarlyDataStatus;
