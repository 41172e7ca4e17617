#!/usr/bin/python3
"""High-precision reference values for the noncentral t distribution.

Generates nct_grid.csv (CDF and survival function over a grid) and
nct_interval.csv (exact confidence limits for the noncentrality parameter).

Reference method (independent of the Go code's quadrature rule and of R):
mpmath 1.2.1 (Debian python3-mpmath) at mp.dps = 25, integrating the exact
mixture representation

    P(T <= t) = int_0^inf Phi(t*s - ncp) f_S(s) ds
    P(T >  t) = int_0^inf Phi(ncp - t*s) f_S(s) ds,   S = sqrt(X/df),

X ~ chi2_df, in the variable s (where the integrand is smooth at 0 for all
df >= 1) with mp.quad, split at the mode of the integrand, at multiples of
its width on either side (geometric in s), and around the step s* = ncp/t
of Phi at multiples of its width 1/|t|; Gauss-Legendre on interior pieces
and tanh-sinh on the two end pieces. The smaller tail is integrated directly (so tiny
probabilities keep full relative accuracy); the larger one is 1 minus it at
40 digits. mp.quad's error estimate is recorded; rows whose estimate
exceeds 1e-15 relative are re-integrated with a finer split.

The reference is validated against R 4.2.2 pt() where pt is exact
(|ncp| <= 37.62, df <= 4e5; AS 243, error bound 1e-12) by check_vs_R.R,
whose output is check_vs_R.txt, and against closed forms (df = 1, 2 with
ncp = 0; t = 0).

Usage: /usr/bin/python3 gen_nct.py  (about 15-30 minutes on one core)
"""
import csv
import random
import sys
import time

import mpmath as mp

mp.mp.dps = 25


def log_dens_s(s, df):
    """log density of S = sqrt(X/df), X ~ chi2_df."""
    k = mp.mpf(df) / 2
    return mp.log(2) + k * mp.log(k) + (df - 1) * mp.log(s) - k * s * s - mp.loggamma(k)


def log_integrand(s, t, df, ncp, upper):
    z = t * s - ncp
    if upper:
        z = -z
    return log_dens_s(s, df) + mp.log(mp.ncdf(z))


def mode_u(t, df, ncp, upper):
    """Golden-section search of the log-integrand in u = log s (unimodal)."""
    f = lambda u: log_integrand(mp.e ** u, t, df, ncp, upper) + u
    a = mp.mpf(-45)
    b = mp.mpf(6)
    g = (mp.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(70):
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = f(d)
    u = (a + b) / 2
    hstep = mp.mpf("1e-6")
    f0, fp, fm = f(u), f(u + hstep), f(u - hstep)
    d2 = (fp - 2 * f0 + fm) / hstep ** 2
    sig = 1 / mp.sqrt(-d2) if d2 < 0 else mp.mpf(1)
    return u, sig, f0


def tail(t, df, ncp, upper, fine=1):
    """One tail by quadrature in s = sqrt(x/df), where the integrand is
    smooth at s = 0 for every df >= 1."""
    t, df, ncp = mp.mpf(t), mp.mpf(df), mp.mpf(ncp)
    if t == 0:
        return (mp.ncdf(ncp) if upper else mp.ncdf(-ncp)), mp.mpf(0)
    u0, sig, lmax = mode_u(t, df, ncp, upper)
    if lmax + mp.log(sig) < -760:
        # Laplace estimate: the tail is below 1e-320, outside the range of
        # doubles; no need to integrate (the tests skip values < 1e-300).
        return mp.e ** lmax * sig * mp.sqrt(2 * mp.pi), mp.mpf(-1)
    # mp.quad's tolerance is absolute: scale the integrand so that its
    # peak (in u = log s) is about 1.
    lscale = lmax - u0
    mults = [0, 1, 2, 4, 8, 16, 32]
    if fine > 1:
        mults = sorted(set(mults + [m / fine for m in range(1, 64 * fine)]))
    pts = set()
    for m in mults:
        pts.add(mp.e ** (u0 + m * sig))
        pts.add(mp.e ** (u0 - m * sig))
    if ncp / t > 0:
        # Step of Phi at s* = ncp/t, of width 1/|t| in s.
        s0 = ncp / t
        w = 1 / abs(t)
        for m in [0, 1, 3, 9, 27, 81] if fine == 1 else mults:
            for x in (s0 + m * w, s0 - m * w):
                if x > 0:
                    pts.add(x)
    pts = [mp.mpf(0)] + sorted(pts) + [mp.inf]
    k = df / 2
    lc = mp.log(2) + k * mp.log(k) - mp.loggamma(k) - lscale

    def f(s):
        if s == 0:
            return mp.exp(lc) * mp.ncdf(ncp if upper else -ncp) if df == 1 else mp.mpf(0)
        z = t * s - ncp
        if upper:
            z = -z
        return mp.exp((df - 1) * mp.log(s) - k * s * s + lc) * mp.ncdf(z)

    # Gauss-Legendre on the interior pieces (smooth, a few widths wide);
    # tanh-sinh on the end pieces (s^(df-1) at 0, the infinite tail).
    val, err = mp.mpf(0), mp.mpf(0)
    for i, (a, b) in enumerate(zip(pts[:-1], pts[1:])):
        end = i == 0 or i == len(pts) - 2
        v, e = mp.quad(f, [a, b], error=True, method="tanh-sinh" if end else "gauss-legendre", maxdegree=8)
        val += v
        err += e
    scale = mp.exp(lscale)
    return val * scale, err * scale


def both(t, df, ncp):
    """Returns (cdf, sf, relerr estimate)."""
    lo, elo = tail(t, df, ncp, False)
    if lo < mp.mpf("0.5"):
        small, e, upper = lo, elo, False
    else:
        small, e = tail(t, df, ncp, True)
        upper = True
    rel = e / small if small > 0 else mp.mpf(0)
    if e < 0:
        rel = mp.mpf(-1)  # Laplace estimate of a tail below 1e-320
    elif rel > mp.mpf("1e-15"):
        small, e = tail(t, df, ncp, upper, fine=4)
        rel = e / small if small > 0 else mp.mpf(0)
    if upper:
        return 1 - small, small, rel
    return small, 1 - small, rel


TS = [0, 0.1, 1, 2.2, 5, 10, 40, 100, 1000]
DFS = [1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 1e6, 1e7]
NCPS = [0, 0.5, 2, 5, 20, 37, 38, 50, 100, 300, 1000]


def grid():
    """The full grid (4284 points) in a fixed pseudo-random order, so that
    any prefix of it covers all regions."""
    ts = sorted(set([-x for x in TS] + TS))
    ncps = sorted(set([-x for x in NCPS] + NCPS))
    pts = [(t, df, ncp) for df in DFS for t in ts for ncp in ncps]
    random.Random(20261122).shuffle(pts)
    return pts


def fmt(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def main():
    # gen_nct.py OUT PART NPARTS LIMIT computes the rows i < LIMIT of the
    # shuffled grid with i % NPARTS == PART (to run in parallel);
    # concatenate the parts after.
    out = sys.argv[1] if len(sys.argv) > 1 else "nct_grid.csv"
    part = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    nparts = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else 1 << 30
    start = time.time()
    n = 0
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["t", "df", "ncp", "cdf", "sf", "quad_relerr"])
        for i, (t, df, ncp) in enumerate(grid()):
            if i >= limit:
                break
            if i % nparts != part:
                continue
            cdf, sf, rel = both(t, df, ncp)
            w.writerow([repr(float(t)), repr(float(df)), repr(float(ncp)), fmt(cdf), fmt(sf), mp.nstr(rel, 3)])
            n += 1
            if n % 20 == 0:
                fh.flush()
                print(n, round(time.time() - start), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
