package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The normal functions against reference values computed with SciPy 1.17 ({@code scipy.special}, {@code scipy.stats.truncnorm}). */
class GaussianMathTest {

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-300));
    }

    @Test
    void erfAndErfcMatchReferenceValuesIncludingTheFarTail() {
        close(GaussianMath.erf(0.5), 0.5204998778130465);
        close(GaussianMath.erf(-0.5), -0.5204998778130465);
        close(GaussianMath.erfc(1.5), 0.03389485352468927);
        close(GaussianMath.erfc(3.0), 2.2090496998585445e-05);
        close(GaussianMath.erfc(10.0), 2.0884875837625446e-45);
    }

    @Test
    void logNdtrStaysAccurateWhereTheNormalCdfUnderflowsOrRoundsToOne() {
        close(GaussianMath.logNdtr(-40), -804.6084420137539);
        close(GaussianMath.logNdtr(-10), -53.23128515051248);
        close(GaussianMath.logNdtr(-3), -6.60772622151035);
        close(GaussianMath.logNdtr(0), Math.log(0.5));
        close(GaussianMath.logNdtr(5), -2.8665161296376294e-07);
        close(GaussianMath.logNdtr(9), -1.1285884059538324e-19);
        close(GaussianMath.ndtr(-3), 0.0013498980316300933);
    }

    @Test
    void logGaussMassInTheLeftTailTheRightTailAndAcrossZero() {
        close(GaussianMath.logGaussMass(-40, -30), -454.32124395634327);
        close(GaussianMath.logGaussMass(30, 40), -454.32124395634327);
        close(GaussianMath.logGaussMass(5, 5.001), -20.329192936978412);
        close(GaussianMath.logGaussMass(-1, 1), -0.3817151463021262);
    }

    @Test
    void ndtriExpInvertsLogNdtr() {
        close(GaussianMath.ndtriExp(-700), -37.295079632647415);
        close(GaussianMath.ndtriExp(-1.0), -0.33747496376420244);
        close(GaussianMath.ndtriExp(-1e-12), 7.034483825301202);
        for (double x = -30; x <= 7; x += 0.37) {
            assertThat(GaussianMath.ndtriExp(GaussianMath.logNdtr(x))).isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
        }
    }

    @Test
    void truncatedQuantilesMatchScipyAndStayInTheInterval() {
        close(GaussianMath.truncatedPpf(0.3, -1, 2), -0.2424038178892269);
        close(GaussianMath.truncatedPpf(0.999, -0.5, 30), 3.1981913323588396);
        close(GaussianMath.truncatedPpf(0.5, 1, 3), 1.4050542332391105);
        close(GaussianMath.truncatedPpf(0.01, -20, -19), -19.240201389022662);
        assertThat(GaussianMath.truncatedPpf(0.0, -2, 3)).isEqualTo(-2);
        assertThat(GaussianMath.truncatedPpf(0.999999999, -2, 3)).isBetween(-2.0, 3.0);
    }

    @Test
    void truncatedDensityIntegratesToOne() {
        double a = -0.7;
        double b = 2.2;
        int n = 20_000;
        double h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(GaussianMath.truncatedLogPdf(a + (i + 0.5) * h, a, b)) * h;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-7));
        assertThat(GaussianMath.truncatedLogPdf(b + 1e-9, a, b)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
