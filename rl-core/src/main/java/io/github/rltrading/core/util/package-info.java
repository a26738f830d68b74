/** Small helpers shared by every module: argument checks with the SDK's message form. */
package io.github.rltrading.core.util;
