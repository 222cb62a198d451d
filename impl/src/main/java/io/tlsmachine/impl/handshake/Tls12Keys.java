package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.Tls12KeyBlock;
import io.tlsmachine.impl.keyschedule.Tls12MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls12Prf;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls12AeadProtection;

/** Runs the TLS 1.2 key derivation steps both roles share (RFC 5246 §8.1, §6.3; RFC 7627 §4). */
final class Tls12Keys {

    private Tls12Keys() {
    }

    /** RFC 5246 §7.4.3: the bytes the ServerKeyExchange signature covers. */
    static byte[] serverKeyExchangeContent(HandshakeContext ctx, ServerKeyExchange ske) {
        return new ByteWriter(64 + 80).bytes(ctx.negotiation().clientRandom()).bytes(ctx.negotiation().serverRandom()).bytes(ske.encodedParams()).toByteArray();
    }

    /**
     * RFC 5246 §8.1 master secret, or RFC 7627 §4 extended master secret over the session hash (the transcript
     * through ClientKeyExchange, which the caller has just added). Destroys the premaster secret.
     */
    static void deriveMasterSecret(HandshakeContext ctx, Secret premaster, boolean extended) {
        Tls12Prf prf = new Tls12Prf(ctx.crypto(), ctx.negotiation().suite().hash());
        try {
            ctx.tls12().establish(extended
                    ? Tls12MasterSecret.extendedFromPremaster(prf, premaster, ctx.transcript().currentHash())
                    : Tls12MasterSecret.fromPremaster(prf, premaster, ctx.negotiation().clientRandom(), ctx.negotiation().serverRandom()));
        } finally {
            premaster.destroy();
        }
        logMasterSecret(ctx);
    }

    /**
     * NSS key log format: {@code CLIENT_RANDOM <this connection's client random> <master secret>}, after a full
     * handshake and after an abbreviated one (RFC 5246 §7.3 Figure 2, RFC 5077 §3.1) alike, so that a resumed
     * connection can be decrypted too.
     */
    static void logMasterSecret(HandshakeContext ctx) {
        ctx.logSecret(KeyLogLabel.CLIENT_RANDOM, ctx.tls12().masterSecret().secret());
    }

    /** RFC 5246 §6.3: the key block; keeps our write and the peer's read protection until ChangeCipherSpec. */
    static void installKeyBlock(HandshakeContext ctx) {
        Tls12KeyBlock block = ctx.tls12().masterSecret().keyBlock(ctx.negotiation().suite().aead(), ctx.negotiation().clientRandom(), ctx.negotiation().serverRandom());
        Tls12AeadProtection client = Tls12AeadProtection.create(Epoch.APPLICATION, ctx.crypto(), block.client());
        Tls12AeadProtection server = Tls12AeadProtection.create(Epoch.APPLICATION, ctx.crypto(), block.server());
        block.destroy();
        boolean isClient = ctx.role() == Role.CLIENT;
        ctx.tls12().pendKeys(isClient ? server : client, isClient ? client : server);
    }
}
