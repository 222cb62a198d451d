/**
 * Pairs client and server ({@link io.tlsmachine.model.analysis.Composition}: the rules every composition of the two
 * machines shares), walks them against each other over every facts combination
 * ({@link io.tlsmachine.model.analysis.HandshakeWalker}) and summarises the model
 * ({@link io.tlsmachine.model.analysis.ModelSummary}).
 */
package io.tlsmachine.model.analysis;
