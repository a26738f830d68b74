/**
 * Configuration: {@link io.github.rltrading.core.config.Config}, an immutable tree of settings
 * loaded from JSON or YAML (or built in code), read through typed accessors; and
 * {@link io.github.rltrading.core.config.ConfigException}, which lists every problem found at once
 * with its key, value and reason.
 */
package io.github.rltrading.core.config;
