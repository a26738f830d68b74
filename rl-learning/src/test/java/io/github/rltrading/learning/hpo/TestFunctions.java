package io.github.rltrading.learning.hpo;

/** Standard optimisation test functions for the sampler tests. */
final class TestFunctions {

    private TestFunctions() {}

    /** Branin on x1 in [-5, 10], x2 in [0, 15]; global minimum 0.397887 at three points. */
    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static SearchSpace braninSpace() {
        return SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).build();
    }

    static final Objective BRANIN = trial -> branin(trial.getDouble("x1"), trial.getDouble("x2"));
}
