/**
 * Endpoint configuration: {@link io.tlsmachine.impl.config.TlsConfig}, an immutable builder-made value, made of
 * focused pieces that each check their own values ({@link io.tlsmachine.impl.config.ProtocolParameters},
 * {@link io.tlsmachine.impl.config.AuthenticationConfig}, {@link io.tlsmachine.impl.config.SessionConfig},
 * {@link io.tlsmachine.impl.config.RecordLayerConfig}).
 */
package io.tlsmachine.impl.config;
