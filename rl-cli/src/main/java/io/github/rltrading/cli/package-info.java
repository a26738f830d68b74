/**
 * The {@code rl} command line: every task of the SDK from a shell, built with picocli over the SDK's
 * own classes (nothing here re-implements them).
 *
 * <ul>
 *   <li>{@code rl data inspect FILE}: what a bar file holds (rows, range, time zone, gaps, problems);</li>
 *   <li>{@code rl train}: PPO on the walk-forward training range, evaluated on validation and test;</li>
 *   <li>{@code rl backtest}, {@code rl paper}: a model or policy through the trading session, on a
 *       replay with the simulated broker (paper adds the reasoner and the default risk chain);</li>
 *   <li>{@code rl serve-nt8}: the live NinjaTrader 8 session;</li>
 *   <li>{@code rl learn} (maintenance, retrain, finetune, all), {@code rl learn watch},
 *       {@code rl learn status}: continuous learning and training;</li>
 *   <li>{@code rl registry}: versions, promotion, rollback, audit;</li>
 *   <li>{@code rl report}: a run folder's metrics;</li>
 *   <li>{@code rl predict}: a JSON market snapshot in, a JSON decision out, for hosts that call the
 *       SDK as a process.</li>
 * </ul>
 *
 * <p>{@link io.github.rltrading.cli.Rl} is the entry point; exit codes are 0 (success), 1 (failed
 * while running) and 2 (bad usage or input). The commands themselves
 * are package-private: their interface is the command line, documented in {@code docs/cli.md}.
 *
 * <pre>{@code
 * java -jar rl-cli/target/rl-cli-0.1.0-SNAPSHOT-all.jar backtest --policy ema-cross --out runs/bt
 * bin/rl predict --model runs/models/ppo-es < snapshot.json
 * }</pre>
 */
package io.github.rltrading.cli;
