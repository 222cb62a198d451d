package io.tlsmachine.impl.vectors;

/** The five handshakes of the example-trace file, by section, for parameterized tests. */
public enum Tls13Trace {
    SIMPLE_1RTT(3),
    RESUMED_0RTT(4),
    HELLO_RETRY_REQUEST(5),
    CLIENT_AUTHENTICATION(6),
    COMPATIBILITY_MODE(7);

    private final int section;

    Tls13Trace(int section) {
        this.section = section;
    }

    /** Returns the section number of this trace in the file. */
    public int section() {
        return section;
    }

    /** Returns the parsed scenario. */
    public TraceScenario scenario() {
        return TraceFile.load().scenario(section);
    }
}
