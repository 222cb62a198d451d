package io.tlsmachine.bench.handshake;

import javax.net.ssl.SSLEngine;

/** Makes the two SSLEngines of a new connection pair of one stack, each in its mode and not yet started. */
interface EngineSource {

    SSLEngine newClient();

    SSLEngine newServer();
}
