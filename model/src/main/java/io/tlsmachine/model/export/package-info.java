/**
 * Exports a machine definition, deterministically, in three views: the teaching view ({@link
 * io.tlsmachine.model.export.TeachingView}: happy paths for a slide), the full view (every transition: DOT, Mermaid,
 * PlantUML, SCXML or a transition table) and the message-sequence figures ({@link
 * io.tlsmachine.model.export.SequenceFigures}, RFC 8446 §2 style, text or SVG); renders DOT to SVG with Graphviz
 * when installed.
 */
package io.tlsmachine.model.export;
