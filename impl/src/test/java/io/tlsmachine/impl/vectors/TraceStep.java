package io.tlsmachine.impl.vectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One step of an example trace: a heading such as {@code {server}  derive secret "tls13 c hs
 * traffic":} and its labelled values ({@code PRK}, {@code hash}, {@code info}, {@code expanded},
 * ...) in file order.
 *
 * <p>A step "(same as ...)" repeats another and carries no values. {@code (empty)} values and the
 * {@code salt:  0 (all zero octets)} of an early-secret extraction are empty arrays (HKDF reads an
 * empty salt as Hash.length zeros).
 *
 * @param line the 1-based line of the heading in the file, for messages
 */
public record TraceStep(TraceSide side, String heading, Map<String, byte[]> values, int line) {
    public TraceStep {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Returns the heading without a trailing colon or "(same as ...)" note, e.g. {@code derive secret "tls13 c hs traffic"}. */
    public String action() {
        String action = heading;
        int same = action.indexOf(" (same as");
        if (same >= 0) {
            action = action.substring(0, same);
        }
        return action.endsWith(":") ? action.substring(0, action.length() - 1) : action;
    }

    /** Returns whether this step only says it is the same as another one. */
    public boolean isSameAsAnother() {
        return heading.contains("(same as");
    }

    /** Returns whether the step shows a value with this label. */
    public boolean has(String label) {
        return values.containsKey(label);
    }

    /** Returns a copy of the value with this label (e.g. {@code "expanded"}). */
    public byte[] value(String label) {
        byte[] value = values.get(label);
        if (value == null) {
            throw new NoSuchElementException(this + " shows no value \"" + label + "\"; it shows " + values.keySet());
        }
        return value.clone();
    }

    @Override
    public String toString() {
        return "{" + side.name().toLowerCase() + "} " + action() + " (line " + line + ")";
    }
}
