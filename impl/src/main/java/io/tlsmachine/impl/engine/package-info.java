/**
 * The sans-IO TLS engine: {@link io.tlsmachine.TlsEngine} runs one connection of either role and version
 * on the model's compiled machine.
 *
 * <pre>
 * bytes in → RecordReader → HandshakeAssembler → HandshakeCodec.decode
 *          → InputMapper (message + epoch → model Input, facts it carries)
 *          → CompiledMachine.step (via TableMachine.take): guard → the transition's handler (HandlerTable) with the
 *            message as its argument (impl.handshake: verify, derive keys, queue flight) → its facts or Decision
 *          → FlightWriter (the transition's declared outputs, content from the step) → RecordWriter → bytes out
 * </pre>
 *
 * <p>The engine creates the connection's {@link io.tlsmachine.impl.record.RecordLayer} (reader, writer, assembler,
 * received application data) and hands it to the handshake context for the steps that switch keys.
 *
 * <p>Local commands (CONNECT, APPLICATION_WRITE, REQUEST_KEY_UPDATE, CLOSE) and the server's decisions
 * (SELECT_PARAMETERS, SELECT_HELLO_RETRY, SEND_SERVER_FLIGHT, returned by a step) are fired into the model the same
 * way. Every failure is handled in {@code ModelDriver.failOn}: one alert, then FAILED, then silence.
 */
package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
