/**
 * Interop matrix with real peers, all tagged {@code slow} (run with
 * {@code mvn -B -Pall-tests -pl verification -am test -Dtest='io.tlsmachine.verification.interop.*Test'
 * -Dsurefire.failIfNoSpecifiedTests=false}; CI runs them in {@code mvn -B -Pall-tests verify}).
 *
 * <ul>
 *   <li>{@link io.tlsmachine.verification.interop.OpenSslInteropTest}: OpenSSL 3 {@code s_server}/{@code s_client},
 *       both roles, every suite × group (TLS 1.3: 3 suites × 6 groups × ECDSA/RSA; TLS 1.2: 6 suites × 4 curves),
 *       HelloRetryRequest, client authentication, resumption (TLS 1.3 PSK, TLS 1.2 ticket and session ID),
 *       KeyUpdate, close_notify.</li>
 *   <li>{@link io.tlsmachine.verification.interop.OpenSslZeroRttInteropTest}: TLS 1.3 0-RTT both ways, our client's
 *       early data printed by {@code s_server -early_data}, {@code s_client -sess_in -early_data} accepted by our
 *       server; {@link io.tlsmachine.verification.interop.GnuTlsZeroRttInteropTest}: the same with
 *       {@code gnutls-cli --resume --earlydata} and {@code gnutls-serv --earlydata}.</li>
 *   <li>{@link io.tlsmachine.verification.interop.GnuTlsInteropTest}: {@code gnutls-serv} (inside a private,
 *       loopback-only network namespace, see {@link io.tlsmachine.verification.interop.GnutlsServer}) and
 *       {@code gnutls-cli}; every suite and every group at least once, the same features.</li>
 *   <li>{@link io.tlsmachine.verification.interop.JsseInteropTest}: the JDK's TLS and Bouncy Castle's JSSE over
 *       {@code SSLSocket}/{@code SSLServerSocket}; {@link io.tlsmachine.verification.interop.SslEngineInteropTest}:
 *       their {@code SSLEngine}s in memory.</li>
 *   <li>{@link io.tlsmachine.verification.interop.OpenSslKeyExchangeInteropTest},
 *       {@link io.tlsmachine.verification.interop.GnuTlsKeyExchangeInteropTest},
 *       {@link io.tlsmachine.verification.interop.JsseKeyExchangeInteropTest}: the opt-in TLS 1.2 DHE_RSA and RSA key
 *       transport suites ({@link io.tlsmachine.verification.interop.KeyExchangeSuite}) both roles with each peer;
 *       RFC 7919 groups and OpenSSL's automatic (custom) group, client authentication, resumption, and without
 *       extended master secret against GnuTLS.</li>
 *   <li>{@link io.tlsmachine.verification.interop.BoringSslInteropTest}: BoringSSL through Netty's OpenSSL engine
 *       ({@code netty-tcnative-boringssl-static}, a test-scoped Maven dependency, no install step; see
 *       {@link io.tlsmachine.verification.interop.NettyBoringSsl}), both roles: X25519MLKEM768, x25519 with a
 *       classical-only peer, handshake_failure when nothing is shared.</li>
 * </ul>
 *
 * <p>Peers bind 127.0.0.1 only, on free ports; every external process is killed in a {@code finally}
 * ({@link io.tlsmachine.verification.interop.PeerProcess}). A missing peer fails the test when {@code CI=true}
 * and skips it otherwise ({@link io.tlsmachine.verification.interop.Peers}).
 */
package io.tlsmachine.verification.interop;
