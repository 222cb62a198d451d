/**
 * Certificate generation with Bouncy Castle's bcpkix (with {@code crypto} the only code that imports Bouncy Castle):
 * a {@link io.tlsmachine.impl.certificate.issuing.CertificateIssuer} (root, intermediate and leaf of ECDSA
 * P-256/P-384, RSA-2048 or Ed25519 keys, with chosen names, SANs, validity and key usages) for the demo and, through
 * the testkit's {@code TestPki}, the tests and interop runs, and the self-signed localhost certificate of a local
 * server ({@link io.tlsmachine.impl.certificate.issuing.SelfSignedCertificates}).
 *
 * <p>None of this is for production certificates.
 */
package io.tlsmachine.impl.certificate.issuing;
