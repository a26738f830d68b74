/**
 * The embedded database of rl-learning: one SQLite file (WAL journal, {@code synchronous=FULL}, so
 * a committed row survives a crash or power loss) opened through JDBC, with a schema version per
 * component. The SQL is kept to what PostgreSQL also accepts, so a firm can move the tables.
 */
package io.github.rltrading.learning.store;
