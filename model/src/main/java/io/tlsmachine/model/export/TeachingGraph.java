package io.tlsmachine.model.export;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ModelState;
import java.util.List;
import java.util.Map;

/**
 * Holds what a teaching view draws, independent of the output format: the states of the happy paths and their
 * branches, one edge per (source, target, epoch) with its readable lines, the grouped self-loops of the
 * post-handshake states, and the note that stands for the folded alert, close and abort edges.
 *
 * @param title the diagram's title, e.g. {@code client, TLS 1.3}
 * @param initial the state a connection starts in
 * @param states the drawn states, in enum order
 * @param edges the drawn edges, sorted
 * @param loops for each connected state, its post-handshake region's self-loops, grouped by the states they are in
 * @param postHandshakeRows the states of each post-handshake region other than its connected state, drawn side by
 *     side below it so the region adds one row
 * @param note the sections of the note for everything folded, each a list of lines
 */
public record TeachingGraph(String title, ModelState initial, List<ModelState> states, List<Edge> edges,
        Map<ModelState, List<LoopGroup>> loops, List<List<ModelState>> postHandshakeRows, List<List<String>> note) {

    /** One drawn edge: every transition from {@code from} to {@code to} whose input arrives under {@code epoch}. */
    public record Edge(ModelState from, ModelState to, Epoch epoch, List<String> lines) {

        public Edge {
            lines = List.copyOf(lines);
        }
    }

    /** One grouped self-loop: its readable lines and the epoch its input arrives under. */
    public record Loop(Epoch epoch, List<String> lines) {
    }

    /** The self-loops that {@code heading}'s states have in common, e.g. {@code in every post-handshake state}. */
    public record LoopGroup(String heading, List<Loop> loops) {
    }
}
