/**
 * Built-in alert sinks. {@code log} (the default, always present) writes alerts to SLF4J at a level
 * that matches their severity; other sinks (webhook, e-mail) come from plug-in artifacts.
 */
package io.github.rltrading.core.alert;
