package io.tlsmachine;

/**
 * A server's choice, made once the ClientHello is read, of the configuration it answers with: typically another
 * credential (by the server name or the signature schemes the client can verify) or another ALPN list (the one
 * protocol the application picked). Called on the engine's thread for every ClientHello (twice after a
 * HelloRetryRequest).
 */
@FunctionalInterface
public interface ClientHelloSelector {
    /**
     * {@return the configuration to answer {@code offer} with: {@code current} itself, or a copy from
     * {@code current.toBuilder()} that differs in its certified key or ALPN protocols only} To refuse the hello,
     * throw a {@code TlsException}: the engine sends its alert (e.g. unrecognized_name for a server name the server
     * does not serve).
     * @param offer what the client offered
     * @param current the server's configuration
     */
    TlsConfig select(ClientHelloOffer offer, TlsConfig current);
}
