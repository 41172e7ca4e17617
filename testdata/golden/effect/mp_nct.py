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
Every quantity that involves Hedges' J (g, the SMD/SMD1/SMDH/SMCC/SMCR variances, Wald
limits of g, yi from t or p) is re-evaluated here with an exact J at 30 digits, because
R's lgamma-difference J loses about log10(df) digits; R's values move to r_* columns. The
t of a two-sided p is solved exactly from the regularized incomplete beta function.
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


def J(df):
    df = mpf(df)
    return exp(loggamma(df / 2) - log(sqrt(df / 2)) - loggamma((df - 1) / 2))


def zq(level):
    """Upper (1 - level)/2 normal quantile."""
    from mpmath import erfinv
    return sqrt(2) * erfinv(mpf(level))


def t_upper(q, nu, start):
    """t with P(T > t) = q for Student t on nu df (regularized incomplete beta)."""
    from mpmath import betainc
    nu = mpf(nu)
    f = lambda t: betainc(nu / 2, mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2 - q
    return findroot(f, mpf(start), tol=mpf(10) ** -28)


def F(x):
    return repr(float(x))


def exactify_smd(row):
    m1, s1, n1, m2, s2, n2 = (mpf(row[k]) for k in ("m1", "s1", "n1", "m2", "s2", "n2"))
    N = n1 + n2
    a = 1 / n1 + 1 / n2
    sp = sqrt(((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (N - 2))
    d = (m1 - m2) / sp
    j = J(N - 2)
    m = N - 2
    g = j * d
    out = {"J": j, "g": g, "vi_LS": a + g * g / (2 * N), "vi_LS2": j * j * (a + d * d / (2 * N)),
           "vi_UB": a + (1 - (m - 2) / (m * j * j)) * g * g}
    z = zq(row["level"])
    out["wald_g_lo"] = g - z * sqrt(out["vi_LS"])
    out["wald_g_hi"] = g + z * sqrt(out["vi_LS"])
    if row["smd1_yi"] != "NA":
        m1d = n2 - 1
        j1 = J(m1d)
        dl = (m1 - m2) / s2
        y = j1 * dl
        out.update({"smd1_yi": y, "smd1_vi_LS": a + y * y / (2 * n2), "smd1_vi_LS2": j1 * j1 * (a + dl * dl / (2 * n2)),
                    "smd1_vi_UB": a + (1 - (m1d - 2) / (m1d * j1 * j1)) * y * y})
    v1, v2 = s1 ** 2, s2 ** 2
    sh2 = (v1 + v2) / 2
    y = j * (m1 - m2) / sqrt(sh2)
    v5 = y * y * (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)) / (8 * sh2 ** 2) + (v1 / (n1 - 1) + v2 / (n2 - 1)) / sh2
    out.update({"smdh_yi": y, "smdh_vi381": j * j * v5,
                "smdh_vi_LS2_5x": y * y * (v1 ** 2 / n1 + v2 ** 2 / n2) / (8 * sh2 ** 2) + (v1 / n1 + v2 / n2) / sh2})
    return out


def exactify_paired(row):
    n, mpre, spre, mpost, spost, r = (mpf(row[k]) for k in ("n", "m_pre", "s_pre", "m_post", "s_post", "r"))
    j = J(n - 1)
    sdiff = sqrt(spre ** 2 + spost ** 2 - 2 * r * spre * spost)
    dz = (mpost - mpre) / sdiff
    db = (mpost - mpre) / spre
    yz, yb = j * dz, j * db
    return {"J": j, "smcc_yi": yz, "smcc_vi_LS": 1 / n + yz * yz / (2 * n), "smcc_vi_LS2": j * j * (1 / n + dz * dz / (2 * n)),
            "smcr_yi": yb, "smcr_vi_LS": 2 * (1 - r) / n + yb * yb / (2 * n),
            "smcr_vi_LS2": j * j * (2 * (1 - r) / n + db * db / (2 * n))}


def exactify_fromstat(row):
    t, n1, n2 = mpf(row["t"]), mpf(row["n1"]), mpf(row["n2"])
    N = n1 + n2
    a = 1 / n1 + 1 / n2
    j = J(N - 2)
    yi = j * t * sqrt(a)
    out = {"J": j, "yi": yi, "vi": a + yi * yi / (2 * N)}
    if row["p_yi"] != "NA":
        tp = mpf(row["sign"]) * t_upper(mpf(row["p"]) / 2, N - 2, abs(mpf(row["t_from_p"])))
        y = j * tp * sqrt(a)
        out.update({"t_from_p": tp, "p_yi": y, "p_vi": a + y * y / (2 * N)})
    return out


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
    try:  # cache of earlier runs (the slow part: ~15 s per interval)
        with open("ncp_mpmath.csv") as fh:
            for row in csv.DictReader(fh):
                res[key(row["t"], row["df"], row["level"])] = (mpf(row["lo"]), mpf(row["hi"]))
    except FileNotFoundError:
        pass
    with open("ncp_needed.csv") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows):
        k = key(row["t"], row["df"], row["level"])
        if k in res:
            continue
        lo, hi = interval(row["t"], row["df"], row["level"])
        res[k] = (lo, hi)
        print("%d/%d t=%s df=%s -> [%s, %s]" % (i + 1, len(rows), row["t"], row["df"], mp.nstr(lo, 17), mp.nstr(hi, 17)), file=sys.stderr)
    with open("ncp_mpmath.csv", "w") as fh:
        fh.write("t,df,level,lo,hi\n")
        for row in rows:
            lo, hi = res[key(row["t"], row["df"], row["level"])]
            fh.write("%s,%s,%s,%s,%s\n" % (row["t"], row["df"], row["level"], mp.nstr(lo, 20), mp.nstr(hi, 20)))

    for src, dst, prefixes, exact in (("smd_R.csv", "smd.csv", ("d", "glass", "welch"), exactify_smd),
                                      ("paired_R.csv", "paired.csv", ("dz",), exactify_paired),
                                      ("fromstat_R.csv", "fromstat.csv", ("d",), exactify_fromstat)):
        with open(src) as fh:
            rd = csv.DictReader(fh)
            fields = list(rd.fieldnames)
            data = list(rd)
        for p in prefixes:
            fields.append(p + "_src")
        ex = [exact(row) for row in data]
        cols = sorted({c for e in ex for c in e})
        fields += ["r_" + c for c in cols]
        for row, e in zip(data, ex):
            for c in cols:
                row["r_" + c] = row[c]
                if c in e:
                    row[c] = F(e[c])
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
