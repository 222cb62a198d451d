package io.tlsmachine;

/** Receives every transition an engine takes, in order: the connection's path through the model. */
@FunctionalInterface
public interface TransitionListener {

    /**
     * Called after the transition's step succeeded and the machine moved to {@code taken.to()}.
     * @param taken the transition taken
     */
    void onTransition(TakenTransition taken);
}
