/**
 * Declares the TLS 1.2/1.3 client and server machines as data: the vocabulary ({@link io.tlsmachine.model.Input},
 * {@link io.tlsmachine.model.Epoch}, {@link io.tlsmachine.model.Guard}, {@link io.tlsmachine.model.Negotiated},
 * {@link io.tlsmachine.model.Output}), the declared {@link io.tlsmachine.model.Transition}s of a
 * {@link io.tlsmachine.model.MachineDefinition}, and the two runners built from them: the compiled table
 * ({@link io.tlsmachine.model.TableMachine}) and the strict Squirrel Foundation machine
 * ({@link io.tlsmachine.model.StrictMachine}). No codecs, crypto or I/O live here.
 */
package io.tlsmachine.model;
