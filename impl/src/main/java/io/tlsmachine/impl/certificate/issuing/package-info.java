/**
 * Certificate generation with Bouncy Castle's bcpkix (the only certificate code that imports
 * Bouncy Castle): a test PKI ({@link io.tlsmachine.impl.crypto.cert.TestPki}: root, intermediate
 * and leaf of ECDSA P-256/P-384, RSA-2048 or Ed25519 keys, with chosen names, SANs, validity and
 * key usages; CRLs) for tests, the demo and interop runs, and the self-signed localhost
 * certificate of a local server ({@link io.tlsmachine.impl.crypto.cert.SelfSignedCertificates}).
 *
 * <p>None of this is for production certificates.
 */
package io.tlsmachine.impl.crypto.cert;
