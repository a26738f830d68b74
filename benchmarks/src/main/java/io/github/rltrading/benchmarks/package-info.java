/**
 * JMH benchmarks and the large-file memory check whose results are recorded in
 * {@code docs/benchmarks.md}. Run with {@code bin/mvn -pl benchmarks -am package -DskipTests} then
 * {@code bin/mvn -pl benchmarks exec:exec -Djmh.args="..."}.
 */
package io.github.rltrading.benchmarks;
