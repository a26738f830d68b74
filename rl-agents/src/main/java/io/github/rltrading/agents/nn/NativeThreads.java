package io.github.rltrading.agents.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Applies PyTorch's intra-op thread setting ({@code ai.djl.pytorch.num_threads}) to the calling
 * thread before its first network operation.
 *
 * <p>Why: PyTorch keeps that setting per native thread and applies it lazily, at a thread's first
 * parallel operation. A matrix product that comes first on a new thread (a {@code decide} from a
 * fresh executor thread) runs with the matrix library's default instead, every core, which both uses
 * more cores than configured and rounds differently: the same observation then gets a decision that
 * differs in the last bits from the same decision on any other thread. Asking PyTorch for its thread
 * count applies the setting; a thread-local flag makes that a single call per thread.
 */
public final class NativeThreads {

    private static final ThreadLocal<Boolean> PREPARED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private NativeThreads() {}

    /** Applies the intra-op thread setting to this thread, once; cheap afterwards. */
    public static void prepareCurrentThread() {
        if (!PREPARED.get()) {
            JniUtils.getNumThreads(); // at::get_num_threads() runs the per-thread initialisation
            PREPARED.set(Boolean.TRUE);
        }
    }
}
