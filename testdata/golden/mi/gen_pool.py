#!/usr/bin/python3
"""Reference values for effect/mi's pooling functions in 50-digit arithmetic
(mpmath), from the formulas of Rubin (1987), Barnard & Rubin (1999), the
jackknife, the type-6 percentile bootstrap (Hyndman & Fan 1996) and von
Hippel & Bartlett (2021), with the limits as rbmi's pool() handles them.
Run from this folder: /usr/bin/python3 gen_pool.py > pool.csv
check_pool.R compares the same cases with R (mice::pool.scalar, quantile
type 6, qt) and the formulas coded in R."""
import csv, random, sys
import mpmath as mp
mp.mp.dps = 50
INF = mp.inf

def tcdf(x, nu):
    if nu == INF:
        return mp.ncdf(x)
    b = mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + x * x), regularized=True)
    return 1 - b / 2 if x > 0 else b / 2

def tq(p, nu):
    if nu == INF:
        return -mp.sqrt(2) * mp.erfinv(1 - 2 * p) if p < 0.5 else mp.sqrt(2) * mp.erfinv(2 * p - 1)
    z = tq(p, INF)
    return mp.findroot(lambda x: tcdf(x, nu) - p, (z * 0.5 - 1, z * 2 + 1), solver='anderson') if False else \
        mp.findroot(lambda x: tcdf(x, nu) - p, z if nu > 3 else z * 1.5)

def parametric(est, se, df, level, alt):
    a = 1 - level
    st = est / se
    if alt == 'two.sided':
        q = tq(1 - a / 2, df)
        lo, hi = est - q * se, est + q * se
        p = 2 * min(tcdf(st, df), tcdf(-st, df))
    elif alt == 'greater':
        q = tq(1 - a, df)
        lo, hi = est - q * se, INF
        p = tcdf(-st, df)
    else:
        q = tq(1 - a, df)
        lo, hi = -INF, est + q * se
        p = tcdf(st, df)
    return lo, hi, min(p, 1)

rows = []
def emit(case, method, level, alt, xs, ses, dfcom, d, est, se, df, lo, hi, p, w='NA', b='NA', lam='NA', riv='NA', fmi='NA'):
    f = lambda v: 'NA' if isinstance(v, str) else ('Inf' if v == INF else ('-Inf' if v == -INF else mp.nstr(v, 25)))
    rows.append([case, method, level, alt, ';'.join(repr(x) for x in xs), ';'.join(repr(x) for x in ses),
                 f(dfcom) if not isinstance(dfcom, str) else dfcom, d, f(est), f(se), f(df), f(lo), f(hi), f(p),
                 f(w), f(b), f(lam), f(riv), f(fmi)])

def rubin(case, xs, ses, dfcom, level=0.95, alt='two.sided'):
    M = mp.mpf(len(xs)); X = [mp.mpf(x) for x in xs]; S = [mp.mpf(s) for s in ses]
    mean = sum(X) / M
    W = sum(s * s for s in S) / M
    B = sum((x - mean) ** 2 for x in X) / (M - 1)
    T = W + (1 + 1 / M) * B
    lam = (1 + 1 / M) * B / T
    r = (1 + 1 / M) * B / W
    if dfcom == 'NA' or (dfcom == INF and B == 0):
        df = INF
    else:
        vobs = None if dfcom == INF else (dfcom + 1) / (dfcom + 3) * dfcom * (1 - lam)
        if lam == 0:
            df = vobs
        else:
            vold = (M - 1) / lam ** 2
            df = vold if dfcom == INF else vold * vobs / (vold + vobs)
    fmi = lam if df == INF else (r + 2 / (df + 3)) / (r + 1)
    lo, hi, p = parametric(mean, mp.sqrt(T), df, level, alt)
    emit(case, 'rubin', level, alt, xs, ses, dfcom, '', mean, mp.sqrt(T), df, lo, hi, p, W, B, lam, r, fmi)

def jack(case, full, xs, level=0.95, alt='two.sided'):
    X = [mp.mpf(x) for x in xs]; n = len(X); m = sum(X) / n
    se = mp.sqrt(mp.mpf(n - 1) / n * sum((x - m) ** 2 for x in X))
    lo, hi, p = parametric(mp.mpf(full), se, INF, level, alt)
    emit(case, 'jackknife', level, alt, [full] + xs, [], 'NA', '', mp.mpf(full), se, INF, lo, hi, p)

def bnorm(case, orig, xs, level=0.95, alt='two.sided'):
    X = [mp.mpf(x) for x in xs]; n = len(X); m = sum(X) / n
    se = mp.sqrt(sum((x - m) ** 2 for x in X) / (n - 1))
    lo, hi, p = parametric(mp.mpf(orig), se, INF, level, alt)
    emit(case, 'bootstrap_normal', level, alt, [orig] + xs, [], 'NA', '', mp.mpf(orig), se, INF, lo, hi, p)

def q6(x, prob):
    n = len(x); h = prob * (n + 1); j = int(mp.floor(h)); g = h - j
    at = lambda k: x[0] if k < 1 else (x[n - 1] if k > n else x[k - 1])
    if g == 0: return at(j)
    return (1 - g) * at(j) + g * at(j + 1)

def bperc(case, orig, xs, level=0.95, alt='two.sided'):
    x = sorted(mp.mpf(v) for v in xs); n = len(x); a = 1 - mp.mpf(level)
    if all(v == 0 for v in x): pl, pg = 1, 1
    elif x[0] > 0: pl, pg = 1, 0
    elif x[-1] < 0: pl, pg = 0, 1
    elif any(v == 0 for v in x):
        idx = [i for i, v in enumerate(x) if v == 0]
        pl, pg = 1 - mp.mpf(idx[-1] + 1) / (n + 1), mp.mpf(idx[0] + 1) / (n + 1)
    else:
        k = max(i for i, v in enumerate(x) if v < 0)
        g = -x[k] / (x[k + 1] - x[k]); q = (k + 1 + g) / (n + 1)
        pl, pg = 1 - q, q
    if alt == 'two.sided':
        lo, hi, p = q6(x, a / 2), q6(x, 1 - a / 2), min(2 * min(pl, pg), 1)
    elif alt == 'greater':
        lo, hi, p = q6(x, a), INF, pg
    else:
        lo, hi, p = -INF, q6(x, 1 - a), pl
    emit(case, 'bootstrap_percentile', level, alt, [orig] + xs, [], 'NA', '', mp.mpf(orig), 'NA', INF, lo, hi, p)

def bmlmi(case, xs, D, level=0.95, alt='two.sided'):
    X = [mp.mpf(v) for v in xs]; B = len(X) // D
    g = sum(X) / len(X)
    rowsm = [sum(X[i * D:(i + 1) * D]) / D for i in range(B)]
    ssw = sum((X[i * D + j] - rowsm[i]) ** 2 for i in range(B) for j in range(D))
    ssb = D * sum((m - g) ** 2 for m in rowsm)
    msw = ssw / (B * (D - 1)); msb = ssb / (B - 1)
    V = (1 + mp.mpf(1) / B) * (msb - msw) / D + msw / (B * D)
    if V <= 0:
        emit(case, 'bmlmi', level, alt, xs, [], 'NA', D, g, 'NA', 'NA', 'NA', 'NA', 'NA'); return
    c = mp.mpf(B + 1) / (B * D)
    df = max(3, V ** 2 / (c * c * msb ** 2 / (B - 1) + msw ** 2 / (B * D * D * (D - 1))))
    lo, hi, p = parametric(g, mp.sqrt(V), df, level, alt)
    emit(case, 'bmlmi', level, alt, xs, [], 'NA', D, g, mp.sqrt(V), df, lo, hi, p)

rubin('hand1', [1.2, 1.5, 0.9, 1.1, 1.4], [0.3, 0.32, 0.29, 0.31, 0.3], mp.mpf(50))
rubin('hand1_inf', [1.2, 1.5, 0.9, 1.1, 1.4], [0.3, 0.32, 0.29, 0.31, 0.3], INF)
rubin('hand1_na', [1.2, 1.5, 0.9, 1.1, 1.4], [0.3, 0.32, 0.29, 0.31, 0.3], 'NA')
rubin('hand1_90_less', [1.2, 1.5, 0.9, 1.1, 1.4], [0.3, 0.32, 0.29, 0.31, 0.3], mp.mpf(50), 0.90, 'less')
rubin('hand1_99_greater', [1.2, 1.5, 0.9, 1.1, 1.4], [0.3, 0.32, 0.29, 0.31, 0.3], mp.mpf(50), 0.99, 'greater')
rubin('b0_vcom50', [2.0, 2.0, 2.0], [0.5, 0.6, 0.55], mp.mpf(50))
rubin('b0_inf', [2.0, 2.0, 2.0], [0.5, 0.6, 0.55], INF)
rubin('vcom1', [0.3, -0.2, 0.5, 0.1], [0.4, 0.45, 0.5, 0.42], mp.mpf(1))
rubin('m2', [0.11, 0.52], [0.2, 0.25], mp.mpf(10))
rnd = random.Random(20261206)
for M in (3, 10, 50, 200):
    for vcom in (mp.mpf(5), mp.mpf(169), INF):
        xs = [round(rnd.gauss(2, 0.5), 6) for _ in range(M)]
        ses = [round(abs(rnd.gauss(1, 0.1)), 6) for _ in range(M)]
        rubin(f'rand_M{M}_v{vcom}', xs, ses, vcom)
jack('rbmi_vector_90', 7, [3, 4, 5, 3, 3, 9], 0.90)
jack('rbmi_vector_95', 7, [3, 4, 5, 3, 3, 9])
jack('rbmi_vector_less', 7, [3, 4, 5, 3, 3, 9], 0.95, 'less')
xs = [round(rnd.gauss(2.1, 0.06), 6) for _ in range(200)]
jack('rand200', 2.1, xs)
for B, mu in ((20, 0.4), (200, 0.2), (999, 0.05)):
    xs = [round(rnd.gauss(mu, 0.3), 6) for _ in range(B)]
    bnorm(f'norm_B{B}', mu, xs)
    bperc(f'perc_B{B}', mu, xs)
    bperc(f'perc_B{B}_90_greater', mu, xs, 0.90, 'greater')
    bperc(f'perc_B{B}_99_less', mu, xs, 0.99, 'less')
bperc('perc_zeros', 0.1, [-0.3, 0, 0, 0.2, 0.5, 0.1, 0, 0.9, -0.1])
bperc('perc_allpos', 0.5, [0.1, 0.2, 0.3, 0.9])
bperc('perc_allneg', -0.5, [-0.1, -0.2, -0.3, -0.9])
bperc('perc_allzero', 0, [0, 0, 0])
bmlmi('bmlmi_b10_d2', [round(rnd.gauss(1, 0.4) + (i // 2) * 0.05, 6) for i in range(20)], 2)
bmlmi('bmlmi_b50_d4', [round(rnd.gauss(1, 0.2) + rnd.gauss(0, 0.3) * 0, 6) + ((i // 4) % 7) * 0.1 for i in range(200)], 4)
bmlmi('bmlmi_negative', [1, 2, 1, 2, 1, 2, 1.5, 1.5], 2)
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['case', 'method', 'level', 'alternative', 'x', 'se', 'dfcom', 'd', 'estimate', 'SE', 'df', 'lower', 'upper', 'p',
            'within', 'between', 'lambda', 'riv', 'fmi'])
w.writerows(rows)
