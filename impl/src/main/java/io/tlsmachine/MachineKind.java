package io.tlsmachine;

/** Chooses which runner of the same model definition an engine drives; both must behave identically. */
public enum MachineKind {
    /** The immutable compiled table: the production runner (no allocation per event). */
    COMPILED_TABLE,
    /** The strict Squirrel machine built from the same definition: for cross-checking the table. */
    SQUIRREL
}
