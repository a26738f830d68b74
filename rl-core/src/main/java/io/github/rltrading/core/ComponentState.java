package io.github.rltrading.core;

/**
 * Life-cycle state of a long-lived component (session, broker connection, feed, server).
 *
 * <pre>
 * NEW ─start─▶ RUNNING ─stop─▶ STOPPED ─close─▶ CLOSED
 *               │  └──error──▶ FAILED ─close─▶ CLOSED
 * </pre>
 */
public enum ComponentState {
    NEW,
    RUNNING,
    STOPPED,
    FAILED,
    CLOSED
}
