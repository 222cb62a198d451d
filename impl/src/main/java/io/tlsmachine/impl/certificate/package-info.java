/**
 * Certificates and trust for the engine: our credentials, the peer's chain, and the decision
 * whether to accept it. No crypto library is imported in this package (Bouncy Castle's certificate
 * generation lives in the subpackage {@code impl.certificate.issuing}).
 *
 * <h2>Our credentials</h2>
 * {@link io.tlsmachine.CertifiedKey} (chain + matching private key) from PEM
 * ({@link io.tlsmachine.CertifiedKey#load}: CERTIFICATE blocks, and PKCS#8,
 * SEC1 or PKCS#1 keys via {@link io.tlsmachine.impl.certificate.PrivateKeyLoader}) or from a
 * PKCS#12 / JKS key store ({@link io.tlsmachine.impl.certificate.KeyStoreLoader}).
 *
 * <h2>The peer's chain</h2>
 * {@link io.tlsmachine.CertificateChain#fromDer} parses the Certificate
 * message's entries (bad_certificate when one is corrupt). Then:
 *
 * <pre>
 * CertificateVerifier verifier = CertificateVerifier.pkix(TrustAnchors.fromPem(caFile))   // or jdkDefault()
 *         .withClock(clock);                                                              // revocation off by default
 * VerifiedChain verified = verifier.verifyServer(chain, serverName);   // client side
 * VerifiedChain verified = verifier.verifyClient(chain);               // server side, after CertificateRequest
 * PublicKey peerKey = verified.leafPublicKey();                        // verifies CertificateVerify
 * </pre>
 *
 * <p>Verification orders the chain (RFC 8446 §4.4.2: any order after the leaf), runs the JDK's
 * PKIX validator at the injected clock, checks the leaf's (extended) key usage for the role, and
 * for servers the host name ({@link io.tlsmachine.impl.certificate.HostnameVerifier}, RFC 9525).
 * Each failure is a {@code TlsException} with its own reason and alert: UNKNOWN_CA,
 * CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED, CERTIFICATE_UNKNOWN, BAD_CERTIFICATE,
 * UNSUPPORTED_CERTIFICATE. {@link io.tlsmachine.CertificateVerifier#insecureAcceptAnyCertificate()}
 * skips all of it and must never be used in production.
 *
 * <h2>Signature schemes</h2>
 * {@link io.tlsmachine.impl.certificate.SignatureSchemes} says which schemes a certificate key
 * can use per version, picks ours from the peer's signature_algorithms (in the peer's order),
 * and checks the peer's choice. {@link io.tlsmachine.impl.certificate.CredentialSelector} picks
 * which of our certificates to present (server: by server_name; client: by
 * certificate_authorities) and its scheme.
 */
package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.CertificateVerifier;
