package io.github.rltrading.learning.hpo;

/**
 * The standard normal functions the Parzen estimator needs, in log space where the tails would
 * underflow: {@code log Φ(x)}, the log mass of an interval, the truncated-normal log density and
 * quantile. The JDK has no {@code erf}, so it is computed here: a power series near zero and a
 * continued fraction in the tails (both converge to double precision; the tests compare them with
 * reference values).
 *
 * <p>The formulation follows Optuna's {@code _truncnorm} (work in the left tail, flip by symmetry,
 * find quantiles by Newton's method on {@code log Φ}); the code is our own.
 */
final class GaussianMath {

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double HALF_LOG_PI = 0.5 * Math.log(Math.PI);
    /** Below this argument erfc comes from the series for erf, above it from the continued fraction. */
    private static final double ERFC_SWITCH = 2.0;

    private GaussianMath() {}

    /** log of the standard normal density. */
    static double logPdf(double x) {
        return -0.5 * x * x - LOG_SQRT_2PI;
    }

    /** erf(x) for |x| below the switch point: e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), all terms positive. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /**
     * log(erfc(x)) + x² for x at or above the switch point: the continued fraction
     * erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by Lentz's method.
     */
    private static double logScaledErfcTail(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 500; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return -HALF_LOG_PI - Math.log(f);
    }

    static double erf(double x) {
        if (Math.abs(x) < ERFC_SWITCH) {
            return erfSeries(x);
        }
        return Math.signum(x) * (1.0 - erfc(Math.abs(x)));
    }

    static double erfc(double x) {
        if (x < ERFC_SWITCH) {
            return x < 0 ? 1.0 + erf(-x) : 1.0 - erfSeries(x);
        }
        return Math.exp(-x * x + logScaledErfcTail(x));
    }

    /** Φ(a), the standard normal cumulative distribution. */
    static double ndtr(double a) {
        if (a < -1.0) {
            return 0.5 * erfc(-a / SQRT2);
        }
        if (a < 1.0) {
            return 0.5 + 0.5 * erf(a / SQRT2);
        }
        return 1.0 - 0.5 * erfc(a / SQRT2);
    }

    /** log Φ(a), accurate in both tails (no underflow however negative {@code a} is). */
    static double logNdtr(double a) {
        if (a > 0) {
            // Φ(a) is close to 1 here: log1p of the small tail keeps the digits log(Φ) would lose.
            return Math.log1p(-ndtr(-a));
        }
        double z = -a / SQRT2;
        if (z >= ERFC_SWITCH) {
            return Math.log(0.5) - z * z + logScaledErfcTail(z);
        }
        return Math.log(ndtr(a));
    }

    /** log(e^p + e^q), with −∞ allowed. */
    static double logSumExp(double p, double q) {
        if (p == Double.NEGATIVE_INFINITY) {
            return q;
        }
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        double max = Math.max(p, q);
        return max + Math.log1p(Math.exp(-Math.abs(p - q)));
    }

    /** log(e^p − e^q) for p ≥ q. */
    private static double logDiffExp(double p, double q) {
        return p + Math.log1p(-Math.exp(q - p));
    }

    /** log(Φ(b) − Φ(a)), the log standard normal mass of [a, b], for a ≤ b. */
    static double logGaussMass(double a, double b) {
        if (b <= 0) {
            return logDiffExp(logNdtr(b), logNdtr(a));
        }
        if (a > 0) {
            return logDiffExp(logNdtr(-a), logNdtr(-b));
        }
        // Straddling zero the mass is at least a fair fraction of 1: subtract the two tails instead
        // of differencing two numbers close to 1.
        return Math.log1p(-ndtr(a) - ndtr(-b));
    }

    /** The x with log Φ(x) = y (y ≤ 0), by Newton's method on log Φ. */
    static double ndtriExp(double y) {
        if (y >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        // Near y = 0 (x far right) solve for −x in the left tail, where log Φ is accurate.
        boolean flipped = y > -1e-2;
        double z = flipped ? Math.log(-Math.expm1(y)) : y;
        // Start at −√(−2z): there Φ ≤ ½e^z, so the start lies left of the root, and Newton's method
        // on the increasing concave log Φ then climbs to the root without overshooting.
        double x = -Math.sqrt(-2.0 * z);
        for (int i = 0; i < 200; i++) {
            double logPhi = logNdtr(x);
            double dx = (logPhi - z) * Math.exp(logPhi - logPdf(x));
            x -= dx;
            if (Math.abs(dx) <= 1e-14 * Math.max(1.0, Math.abs(x))) {
                break;
            }
        }
        return flipped ? -x : x;
    }

    /**
     * The quantile q ∈ [0, 1) of the standard normal truncated to [a, b]: the x in [a, b] with
     * Φ(x) = Φ(a) + q·(Φ(b) − Φ(a)), computed on the side where it is accurate.
     */
    static double truncatedPpf(double q, double a, double b) {
        if (q <= 0) {
            return a;
        }
        if (q >= 1) {
            return b;
        }
        double logMass = logGaussMass(a, b);
        double x;
        if (a < 0) {
            x = ndtriExp(logSumExp(logNdtr(a), Math.log(q) + logMass));
        } else {
            x = -ndtriExp(logSumExp(logNdtr(-b), Math.log1p(-q) + logMass));
        }
        return Math.min(Math.max(x, a), b);
    }

    /** log density at x of the standard normal truncated to [a, b]; −∞ outside. */
    static double truncatedLogPdf(double x, double a, double b) {
        if (x < a || x > b) {
            return Double.NEGATIVE_INFINITY;
        }
        return logPdf(x) - logGaussMass(a, b);
    }
}
