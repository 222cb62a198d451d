/**
 * Declares the client machine: its states (RFC 8446 Appendix A.1 names and {@code TLS12_} states), its
 * transitions, its steps port and the entry point {@link io.tlsmachine.model.client.ClientMachine}.
 */
package io.tlsmachine.model.client;
