/**
 * What resumption keeps between connections: a client's tickets ({@link io.tlsmachine.impl.session.TicketCache}) and
 * a TLS 1.2 server's sessions by ID ({@link io.tlsmachine.impl.session.SessionIdCache}), behind the public
 * {@link io.tlsmachine.TicketStore} and {@link io.tlsmachine.ServerSessionCache}, which only create and size them.
 */
package io.tlsmachine.impl.session;
