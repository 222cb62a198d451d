/**
 * Walks client against server over every facts combination ({@link io.tlsmachine.model.analysis.HandshakeWalker})
 * and summarises the model ({@link io.tlsmachine.model.analysis.ModelSummary}).
 */
package io.tlsmachine.model.analysis;
