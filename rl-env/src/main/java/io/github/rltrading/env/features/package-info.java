/** Named, versioned feature sets precomputed into a float matrix; see {@code docs/features.md}. */
package io.github.rltrading.env.features;
