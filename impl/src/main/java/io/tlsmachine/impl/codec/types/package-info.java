/**
 * Code point value types ({@code record X(int code)}): any in-range value is accepted and kept, named
 * constants exist for the values we know, and {@code name()} gives the RFC name or {@code unknown(0x..)}.
 */
package io.tlsmachine.impl.codec.types;
