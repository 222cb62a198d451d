/**
 * The model explorer: one self-contained HTML page per machine (diagrams, transitions, rejection rows, handshake
 * types and their sequence figures, the cited RFC sections), generated from the definitions.
 */
package io.tlsmachine.model.export.explorer;
