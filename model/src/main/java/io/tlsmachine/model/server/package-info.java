/**
 * Declares the server machine: its states (RFC 8446 Appendix A.2 names, {@code POST_HANDSHAKE_} and
 * {@code TLS12_} states), its transitions, its steps port and the entry point
 * {@link io.tlsmachine.model.server.ServerMachine}.
 */
package io.tlsmachine.model.server;
