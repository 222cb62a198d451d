/**
 * The TLS 1.2 and 1.3 client and server machines: states, inputs, epochs, guards, transitions, the compiled tables,
 * exporters and analyses. No codecs, crypto or I/O; Squirrel Foundation (an automatic module) runs the strict
 * machine and builds its own instances of {@code SquirrelFsm} reflectively.
 */
module io.tlsmachine.model {
    requires squirrel.foundation;

    exports io.tlsmachine.model;
    exports io.tlsmachine.model.analysis;
    exports io.tlsmachine.model.client;
    exports io.tlsmachine.model.export;
    exports io.tlsmachine.model.export.explorer;
    exports io.tlsmachine.model.server;

    opens io.tlsmachine.model to squirrel.foundation;
}
