/**
 * Exports a machine definition as DOT, Mermaid, SCXML or a transition table, deterministically, for all states or
 * one version region; renders DOT to SVG with Graphviz when installed.
 */
package io.tlsmachine.model.export;
