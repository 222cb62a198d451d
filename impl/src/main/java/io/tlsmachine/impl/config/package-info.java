/** Endpoint configuration: {@link io.tlsmachine.impl.config.TlsConfig}, an immutable builder-made value. */
package io.tlsmachine.impl.config;
