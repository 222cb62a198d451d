package io.tlsmachine.model;

/**
 * Carries, through one Squirrel {@code fire}, the facts and port in and the fired transition (or the step's
 * failure) out.
 */
final class FireContext<S extends Enum<S> & ModelState, P> {

    final P port;
    Negotiated facts;
    /** Whether this fire runs the step (false for {@link StrictMachine#take}, whose caller runs it). */
    boolean runStep = true;
    Transition<S, P> fired;
    boolean declined;
    RuntimeException failure;

    FireContext(P port, Negotiated facts) {
        this.port = port;
        this.facts = facts;
    }
}
