package io.tlsmachine.testkit;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every engine of the test suite to the model and to the extension table: registered automatically
 * (META-INF/services, with {@code junit.jupiter.extensions.autodetection.enabled=true}), it watches every engine
 * constructed and fails a test, or its class when the engine was built outside a test method, whose trace is not a
 * path of the model ({@link ModelPathWatch}) or in which an engine sent an extension the peer did not offer, or one
 * the table does not allow ({@link OwnExtensionsWatch}).
 */
public final class ModelPathExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ModelPathWatch.install();
        OwnExtensionsWatch.install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnViolations(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnViolations(context.getDisplayName());
    }

    private static void failOnViolations(String where) {
        List<String> violations = ModelPathWatch.drainViolations();
        List<String> ownExtensions = OwnExtensionsWatch.drainViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("engine traces that are not paths of the model in " + where + ":\n  "
                    + String.join("\n  ", violations));
        }
        if (!ownExtensions.isEmpty()) {
            throw new AssertionError("handshake messages we sent that break the extension table in " + where + ":\n  "
                    + String.join("\n  ", ownExtensions));
        }
    }
}
