package io.tlsmachine.verification.model;

import java.util.function.UnaryOperator;

/**
 * Names one deliberately broken variant of the model, built by transforming the declared transition lists; the
 * checks must catch every mutant (a checker that cannot fail is no checker).
 *
 * @param id short identifier, e.g. {@code M3}
 * @param description what was broken, in one sentence
 * @param apply builds the broken definitions from the real ones
 */
public record Mutant(String id, String description, UnaryOperator<Machines> apply) {
}
