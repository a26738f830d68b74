package io.github.rltrading.core.metrics;

/** Inputs shared by the metrics tests. */
final class MetricsInputs {

    static final double EPS = 1e-12;
    /** Five daily returns used by several hand-computed cases. */
    static final double[] R = {0.01, -0.02, 0.03, -0.01, 0.02};

    private MetricsInputs() {}

    static PerformanceMetrics.Builder returns(double... r) {
        return PerformanceMetrics.builder().returns(r);
    }

    static PerformanceMetrics.Builder equity(double... e) {
        return PerformanceMetrics.builder().equityCurve(e);
    }
}
