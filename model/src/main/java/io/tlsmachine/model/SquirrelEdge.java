package io.tlsmachine.model;

/**
 * Describes one transition as Squirrel holds it (read back from a live Squirrel machine, not from the declarations):
 * source, event, condition name, target.
 */
public record SquirrelEdge<S extends Enum<S> & ModelState>(S from, Input input, Epoch epoch, String condition, S to) {

    /** Returns the row {@code from input epoch guard to}, tab-separated, as in the spec tables. */
    public String row() {
        return String.join("\t", from.name(), input.name(), epoch.name(), condition, to.name());
    }
}
