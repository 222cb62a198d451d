/**
 * The record layer, sans-IO: framing, limits, protection and handshake message reassembly
 * (RFC 8446 §5, RFC 5246 §6.2, RFC 5288 §3, RFC 7905 §2, RFC 8449 §4).
 *
 * <pre>
 * bytes in → {@link io.tlsmachine.impl.record.RecordReader}        (frame, check header, deprotect, strip TLS 1.3 padding)
 *          → {@link io.tlsmachine.impl.record.HandshakeAssembler}  (messages across/within records; §5.1 rules)
 *          → {@link io.tlsmachine.impl.record.ReceivedHandshakeMessage} (exact bytes + type + epoch) or another record
 *
 * content  → {@link io.tlsmachine.impl.record.RecordWriter}        (fragment to the limit, pad, protect) → bytes out
 * </pre>
 *
 * <p>Protection, one instance per direction and key, each owning its sequence number:
 * {@link io.tlsmachine.impl.record.PlaintextProtection},
 * {@link io.tlsmachine.impl.record.Tls13AeadProtection} (nonce = IV XOR padded sequence number,
 * additional data = the record header), {@link io.tlsmachine.impl.record.Tls12AeadProtection}
 * (AES-GCM with an 8-byte explicit nonce carrying the sequence number; ChaCha20-Poly1305 with the
 * TLS 1.3-style nonce; additional data = seq_num || type || version || length).
 *
 * <p>Copies on the application data path: the writer seals each record straight into the engine's outbound
 * {@link io.tlsmachine.impl.record.ByteQueue} (TLS 1.3: content and type byte are encrypted from where they are, the
 * header written in place is the additional data); the reader opens an application-key record that is complete in the
 * input straight into the application data queue (else in place in its one body buffer, kept while application data
 * flows). Per-record nonce and additional data live in per-protection scratch arrays. Handshake records still get
 * arrays of their own, and an idle connection holds no record buffer.
 *
 * <p>Record size limit (RFC 8449 §4, RFC 8446 §5.4): the limit counts the plaintext of a protected
 * record; for TLS 1.3 that is the whole TLSInnerPlaintext, content type byte <em>and padding</em>
 * included (RFC 8446 §5.4: "the reduced limit applies to the full plaintext, including the content
 * type and padding"), so a TLS 1.3 record carries at most limit - 1 content bytes. The largest
 * values are 2^14 (TLS 1.2) and 2^14 + 1 (TLS 1.3); unprotected records are not subject to it.
 * The reader enforces the limit we advertised, the writer the one the peer advertised.
 *
 * <p>What fails, and why (see each class for the RFC text):
 * <ul>
 *   <li>RECORD_OVERFLOW: a header length over 2^14 (plaintext), 2^14 + 256 (TLS 1.3 ciphertext),
 *       2^14 + 2048 (TLS 1.2 ciphertext), found before the body is buffered; a deprotected
 *       plaintext over 2^14 (TLS 1.3: inner plaintext over 2^14 + 1) or over our record_size_limit.
 *   <li>UNKNOWN_CONTENT_TYPE: an outer or inner type other than 20-23.
 *   <li>BAD_RECORD_MAC: any authentication failure (tampered header, nonce, ciphertext or tag,
 *       wrong sequence number, body shorter than the tag).
 *   <li>UNEXPECTED_MESSAGE: an all-zero TLS 1.3 inner plaintext; a protected change_cipher_spec;
 *       an unprotected handshake record under TLS 1.3 keys.
 *   <li>SEQUENCE_NUMBER_EXHAUSTED: a key used for 2^64 records.
 *   <li>TOO_MUCH_EARLY_DATA: more skipped 0-RTT data than max_early_data_size.
 *   <li>INTERLEAVED_HANDSHAKE, KEY_CHANGE_NOT_ON_RECORD_BOUNDARY, ZERO_LENGTH_FRAGMENT,
 *       HANDSHAKE_MESSAGE_TOO_LARGE, MALFORMED_MESSAGE (alert record not one alert): the assembler.
 * </ul>
 *
 * <p>Never a failure: the legacy_record_version of any record (RFC 8446 §5.1, Appendix D: "MUST be
 * ignored"; see {@link io.tlsmachine.impl.record.RecordReader}).
 *
 * <p>Left to the engine and the model: an unprotected change_cipher_spec or alert under TLS 1.3
 * keys is delivered with epoch PLAINTEXT (RFC 8446 §5 says the compatibility CCS must be detected
 * before deprotection and dropped, and must be exactly {0x01}; a peer that fails before it has our
 * keys sends its alert in plaintext), and the model accepts or rejects each by its epoch.
 */
package io.tlsmachine.impl.record;
