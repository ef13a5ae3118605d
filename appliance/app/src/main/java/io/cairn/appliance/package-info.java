/**
 * The running appliance: the only place where modules are wired together ({@link io.cairn.appliance.Appliance}),
 * the full configuration catalogue, structured logging, telemetry, and the generated references
 * (configuration, error codes, OpenAPI).
 */
package io.cairn.appliance;
