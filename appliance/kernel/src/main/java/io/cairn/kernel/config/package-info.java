/**
 * The configuration model: options declared in code with their types, defaults and descriptions
 * ({@link io.cairn.kernel.config.ConfigOption}), one YAML file plus {@code CAIRN_*} environment
 * overrides read into an immutable {@link io.cairn.kernel.config.CairnConfig}, and validation that names
 * the offending key and its line in the file. The configuration reference is generated from the
 * declared options.
 */
package io.cairn.kernel.config;
