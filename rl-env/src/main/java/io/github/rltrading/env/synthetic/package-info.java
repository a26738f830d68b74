/** Seeded synthetic markets for the quickstart and for tests that need many regimes. */
package io.github.rltrading.env.synthetic;
