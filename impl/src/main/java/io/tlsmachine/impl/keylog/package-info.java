/**
 * The NSS key log (as Wireshark, browsers and OpenSSL write it): one line per secret, so a
 * captured session can be decrypted while debugging.
 *
 * <pre>
 * KeyLog keyLog = KeyLog.resolve(configuredFile);          // configured file, else $SSLKEYLOGFILE, else disabled
 * if (keyLog.enabled()) {
 *     // TLS 1.2, after the master secret (RFC 5246 §8.1):
 *     keyLog.log(KeyLogLabel.CLIENT_RANDOM, clientRandom, masterSecret);
 *     // TLS 1.3, as each secret of RFC 8446 §7.1 is derived:
 *     keyLog.log(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, clientRandom, clientHandshakeTrafficSecret);
 *     ...
 * }
 * </pre>
 *
 * <p>Files are appended one whole line at a time (thread-safe) and created owner-only (0600).
 */
package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.KeyLog;
