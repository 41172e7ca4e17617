#!/usr/bin/python3
"""Exact noncentral-t confidence intervals with mpmath, for the golden files of package effect.

R's pt(q, df, ncp) switches to a normal approximation (Abramowitz & Stegun 26.7.10) for
|ncp| > 37.62 or df > 4e5, so gen.R leaves those intervals as NA and lists them in
ncp_needed.csv. This script computes them from the definition
    P(T <= t; nu, delta) = E[ Phi(t*S - delta) ],   S = sqrt(V/nu), V ~ chi-square(nu),
by adaptive Gauss-Legendre quadrature (mpmath.quad, 25 significant digits) over the density of S,
split at the mode of S and at s = delta/t, and solves for the bounds with a bracketing
root finder (secant steps from a scipy starting value) to 1e-24 in the CDF. It then fills the NA bounds in smd_R.csv, paired_R.csv and
fromstat_R.csv and writes smd.csv, paired.csv and fromstat.csv with *_src = "mpmath".
It also recomputes the R-exact intervals in ncp_crosscheck_R.csv and prints the largest
difference (both references must agree to ~1e-10).

Python 3.11 (Debian /usr/bin/python3), mpmath 1.2.1, scipy 1.10 (starting values only).
"""
import csv
import math
import sys

from scipy.optimize import brentq
from scipy.stats import nct
from mpmath import mp, mpf, quad, ncdf, exp, log, sqrt, loggamma, findroot, inf

mp.dps = 25


def cdf(t, nu, delta):
    t, nu, delta = mpf(t), mpf(nu), mpf(delta)
    c = (nu / 2) * log(nu) - (nu / 2 - 1) * log(2) - loggamma(nu / 2)

    def f(s):
        if s <= 0:
            return mpf(0)
        return ncdf(t * s - delta) * exp(c + (nu - 1) * log(s) - nu * s * s / 2)

    mode = sqrt((nu - 1) / nu) if nu > 1 else mpf("0.5")
    sd = 1 / sqrt(2 * nu) if nu > 1 else mpf(1)
    pts = {mpf(0)}
    for k in (-40, -20, -10, -5, -2, 0, 2, 5, 10, 20, 40):
        x = mode + k * sd
        if x > 0:
            pts.add(x)
    if t != 0:
        s0 = delta / t
        if s0 > 0:
            for k in (-20, -5, 0, 5, 20):
                x = s0 + k / abs(t)
                if x > 0:
                    pts.add(x)
    pts = sorted(pts)
    tot = mpf(0)
    for a, b in zip(pts, pts[1:]):
        tot += quad(f, [a, b])
    tot += quad(f, [pts[-1], inf])
    return tot


def solve(t, nu, p):
    # Starting value from scipy's noncentral t (Boost; accurate to ~1e-10 here), then
    # secant steps on the mpmath CDF, which alone decides the result.
    tf, nf, pf = float(t), float(nu), float(p)
    h = lambda d: nct.cdf(tf, nf, d) - pf
    w = 2 + abs(tf) / math.sqrt(2 * nf)
    a, b = tf - 4 * w, tf + 4 * w
    while h(a) < 0:
        a -= 4 * w
    while h(b) > 0:
        b += 4 * w
    x0 = brentq(h, a, b, xtol=1e-13)
    t = mpf(t)
    g = lambda d: cdf(t, nu, d) - p
    return findroot(g, (mpf(x0), mpf(x0) + mpf("1e-7")), solver="secant", tol=mpf(10) ** -24)


def interval(t, nu, level):
    a = (1 - mpf(level)) / 2
    return solve(t, nu, 1 - a), solve(t, nu, a)


def key(t, nu, level):
    return (repr(float(t)), repr(float(nu)), repr(float(level)))


def main():
    worst = 0.0
    with open("ncp_crosscheck_R.csv") as fh:
        for row in csv.DictReader(fh):
            if row["lo"] == "NA":
                continue
            lo, hi = interval(row["t"], row["df"], row["level"])
            worst = max(worst, abs(float(lo) - float(row["lo"])), abs(float(hi) - float(row["hi"])))
    print("max |R - mpmath| on the cross-check intervals (ncp scale): %.3g" % worst, file=sys.stderr)

    res = {}
    with open("ncp_needed.csv") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows):
        lo, hi = interval(row["t"], row["df"], row["level"])
        res[key(row["t"], row["df"], row["level"])] = (lo, hi)
        print("%d/%d t=%s df=%s -> [%s, %s]" % (i + 1, len(rows), row["t"], row["df"], mp.nstr(lo, 17), mp.nstr(hi, 17)), file=sys.stderr)

    for src, dst, prefixes in (("smd_R.csv", "smd.csv", ("d", "glass", "welch")),
                               ("paired_R.csv", "paired.csv", ("dz",)),
                               ("fromstat_R.csv", "fromstat.csv", ("d",))):
        with open(src) as fh:
            rd = csv.DictReader(fh)
            fields = list(rd.fieldnames)
            data = list(rd)
        for p in prefixes:
            fields.append(p + "_src")
        for row in data:
            for p in prefixes:
                if row[p + "_lo"] == "NA":
                    k = key(row[p + "_t"], row[p + "_df"], row["level"])
                    if k not in res:
                        row[p + "_src"] = "none"
                        continue
                    lo, hi = res[k]
                    sc = mpf(row[p + "_scale"])
                    row[p + "_lo"] = repr(float(lo * sc))
                    row[p + "_hi"] = repr(float(hi * sc))
                    row[p + "_src"] = "mpmath"
                else:
                    row[p + "_src"] = "R"
        with open(dst, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(data)


if __name__ == "__main__":
    main()
