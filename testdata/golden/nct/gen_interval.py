#!/usr/bin/python3
"""Reference confidence limits for the noncentrality parameter (nct_interval.csv).

For each (t, df, level), with a = (1 - level)/2, solves at mp.dps = 25

    P(T > t | ncp = lo) = a      (i.e. P(T <= t | lo) = 1 - a)
    P(T <= t | ncp = hi) = a

using the tail integrals of gen_nct.py (mpmath quadrature) and the
Illinois variant of regula falsi on log(tail) - log(a), started from a
bracket found by expanding around the normal approximation, to
|step| < 1e-17 * max(1, |ncp|). mpmath 1.2.1 (Debian python3-mpmath).

Cases: reference case RC28 (t, df) at level 0.95, large |t| (t = 56,
df = 1e6; t = 200, df = 50) and others across df, signs and levels.
Usage: /usr/bin/python3 gen_interval.py > nct_interval.csv
"""
import sys

import mpmath as mp

import gen_nct

mp.mp.dps = 25

CASES = [
    # RC28
    (2.21706754597, 90, 0.95),
    (2, 2, 0.95),
    (0, 43, 0.95),
    (40, 200, 0.95),
    (56, 1e6, 0.95),
    # large |t|
    (200, 50, 0.95),
    (-200, 50, 0.95),
    (1000, 1e4, 0.95),
    # across df, signs and levels
    (2.5, 38, 0.95),
    (-3, 10, 0.90),
    (0.5, 5, 0.99),
    (10, 30, 0.95),
    (3, 1, 0.95),
    (5, 1e7, 0.95),
    (-40, 200, 0.99),
    (1.2, 100, 0.80),
    (8, 3, 0.999),
]


def solve(f, x0, step):
    """Root of the monotone f by bracket expansion + Illinois."""
    a, fa = x0, f(x0)
    b = x0 + step
    fb = f(b)
    if fa * fb > 0 and abs(fb) > abs(fa):
        # Root lies the other way: walk from x0 in the opposite direction.
        step = -step
        b, fb = a, fa
    while fa * fb > 0:
        a, fa = b, fb
        step *= 2
        b = a + step
        fb = f(b)
    side = 0
    for _ in range(200):
        c = b - fb * (b - a) / (fb - fa)
        fc = f(c)
        if abs(c - b) < mp.mpf("1e-17") * max(1, abs(c)) or fc == 0:
            return c
        if fc * fb < 0:
            a, fa = b, fb
            side = 0
        else:
            fa = fa / 2 if side == 1 else fa
            side = 1
        b, fb = c, fc
    raise RuntimeError("no convergence")


def limits(t, df, level):
    a = (1 - mp.mpf(level)) / 2
    la = mp.log(a)
    z = -mp.sqrt(2) * mp.erfinv(2 * a - 1)
    c = t * (1 - 1 / (4 * mp.mpf(df)))
    s = mp.sqrt(1 + mp.mpf(t) ** 2 / (2 * df))
    flo = lambda d: mp.log(gen_nct.tail(t, df, d, True)[0]) - la
    fhi = lambda d: mp.log(gen_nct.tail(t, df, d, False)[0]) - la
    lo = solve(flo, c - z * s, s / 4)
    hi = solve(fhi, c + z * s, s / 4)
    return lo, hi


def main():
    print("t,df,level,lo,hi")
    for t, df, level in CASES:
        lo, hi = limits(t, df, level)
        print("%r,%r,%r,%s,%s" % (float(t), float(df), level, mp.nstr(lo, 22), mp.nstr(hi, 22)), flush=True)
        print(t, df, level, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
