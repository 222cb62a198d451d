package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;
import java.util.Optional;

/** A message with an extension block, kept in received order; finds extensions by record type or code point. */
public interface WithExtensions {
    /** Returns the extensions in the order they were received or will be sent. */
    List<Extension> extensions();

    /** Returns the extension of the given record type, if present (blocks hold no duplicates). */
    default <T extends Extension> Optional<T> extension(Class<T> kind) {
        return extensions().stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Returns the extension with the given code point, if present. */
    default Optional<Extension> extension(ExtensionType type) {
        return extensions().stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
