package io.tlsmachine.model;

/**
 * Carries, through one Squirrel {@code fire}, the facts and port in and the fired transition (or the step's
 * failure) out.
 */
final class FireContext<S extends Enum<S> & ModelState, P> {

    final P port;
    Negotiated facts;
    Transition<S, P> fired;
    boolean declined;
    RuntimeException failure;

    FireContext(P port, Negotiated facts) {
        this.port = port;
        this.facts = facts;
    }
}
