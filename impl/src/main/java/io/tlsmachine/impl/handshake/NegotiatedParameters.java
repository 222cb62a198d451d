package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Optional;

/**
 * Lists what a handshake negotiated: version, suite, key exchange group, the signature scheme the server (or,
 * for a client engine, the peer) authenticated with, ALPN, whether it resumed a session, and the SNI name.
 */
public record NegotiatedParameters(ProtocolVersion version, CipherSuite cipherSuite, Optional<KeyExchangeGroup> group,
        Optional<SignatureAlgorithm> signatureScheme, Optional<String> applicationProtocol, boolean resumed,
        Optional<String> serverName) {
}
