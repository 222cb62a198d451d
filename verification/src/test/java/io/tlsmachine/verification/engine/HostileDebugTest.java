package io.tlsmachine.verification.engine;

import io.tlsmachine.MachineKind;
import org.junit.jupiter.api.Test;

class HostileDebugTest {
    @Test
    void debug() {
        HostileCatalogue cat = new HostileCatalogue(HandshakeScenario.all().subList(0, 1));
        for (String want : System.getProperty("want", "unknown 0x1234").split(";")) {
            for (HostileCase c : cat.cases()) {
                if (c.name().contains(want) && c.role() == io.tlsmachine.model.analysis.Role.CLIENT) {
                    Victim v = c.peer().start(MachineKind.COMPILED_TABLE, c.index());
                    v.engine().feed(c.record());
                    byte[] out = v.engine().drainOutbound();
                    System.out.println("DBG " + c.name() + " state=" + v.engine().state() + " failed=" + v.engine().failure()
                            + " out=" + out.length + " " + java.util.HexFormat.of().formatHex(c.record()).substring(0, 120));
                    break;
                }
            }
        }
    }
}
