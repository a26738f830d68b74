/**
 * What a live session must not forget when its process restarts: the risk gates' state (the day's
 * loss, entries today, the drawdown), the last decision, the open instructions at the broker and
 * the equity, saved every few seconds by {@link io.github.rltrading.core.state.SessionStateStore}
 * and restored on start. The kill switch persists itself (rl-risk's {@code KillSwitch}).
 */
package io.github.rltrading.core.state;
