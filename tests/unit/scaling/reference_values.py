"""Reference values for tests/unit/scaling, computed independently of the TypeScript.

Run: python3 tests/unit/scaling/reference_values.py   (numpy 2.4, scipy 1.17, mpmath 1.3)
The tests hard-code what this prints; nothing here runs in CI.
"""
import numpy as np
from scipy import optimize, special, stats

print("# Student t quantiles, scipy.stats.t.ppf")
for p, df in [(0.975, 1), (0.975, 2), (0.975, 4), (0.975, 9), (0.975, 29), (0.975, 100),
              (0.995, 5), (0.9, 3), (0.6, 1.5), (0.025, 9), (1e-10, 3), (0.3, 12), (0.975, 1e6)]:
    print(f"  [{p}, {df}, {stats.t.ppf(p, df)!r}],")
print("# Student t CDF, scipy.stats.t.cdf")
for t, df in [(2, 5), (-1.5, 3.5), (10, 2), (0.1, 50), (40, 4), (-7, 1)]:
    print(f"  [{t}, {df}, {stats.t.cdf(t, df)!r}],")
print("# normal quantile / CDF, scipy.stats.norm")
for p in [0.975, 1e-10, 0.3, 1e-300, 0.5000001]:
    print(f"  [{p}, {stats.norm.ppf(p)!r}],")
for z in [-3, 1.5, -20, 0.01]:
    print(f"  [{z}, {stats.norm.cdf(z)!r}],")
print("# regularized incomplete beta, scipy.special.betainc(a, b, x)")
for x, a, b in [(0.3, 2, 3), (0.9, 0.5, 10), (0.01, 50, 0.5), (0.5, 200, 300)]:
    print(f"  [{x}, {a}, {b}, {special.betainc(a, b, x)!r}],")

wall = [1203.1, 1187.4, 1221.9, 1195.0, 1210.6, 1199.8, 1188.2, 1230.5, 1201.7, 1192.3]
print("# 95% Student-t interval for the mean of WALL, scipy.stats.t.interval")
m, se = np.mean(wall), stats.sem(wall)
print(" ", m, se, stats.t.interval(0.95, len(wall) - 1, loc=m, scale=se))
print("  90%:", stats.t.interval(0.90, len(wall) - 1, loc=m, scale=se))


def mulberry32(seed):
    """The same generator as seededRandom.ts, written from its definition."""
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = imul(a ^ (a >> 15), a | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


r = mulberry32(42)
print("# mulberry32(42), first five:", [r() for _ in range(5)])


def bootstrap(values, seed, resamples, level):
    rnd = mulberry32(seed)
    n = len(values)
    meds = [np.median([values[int(rnd() * n)] for _ in range(n)]) for _ in range(resamples)]
    a = 1 - level
    return np.percentile(meds, [100 * a / 2, 100 * (1 - a / 2)])  # numpy 'linear' = type 7


print("# bootstrap-percentile median interval of WALL, seed 0x5eed, 10000 resamples:",
      bootstrap(wall, 0x5EED, 10000, 0.95))
print("#   seed 7, 2000 resamples, 90%:", bootstrap(wall, 7, 2000, 0.90))
six = [10.0, 12.0, 11.0, 50.0, 13.0, 9.0]
print("# bootstrap of SIX, seed 1, 5000 resamples:", bootstrap(six, 1, 5000, 0.95))

print("# modified Z of OUT (0.6745 (x - median) / MAD)")
out = [100.2, 99.8, 101.1, 100.5, 99.9, 100.0, 100.7, 131.0, 100.3, 99.5]
med = np.median(out)
mad = np.median(np.abs(np.array(out) - med))
print(" ", med, mad, list(0.6745 * (np.array(out) - med) / mad))

print("# Mann-Kendall without ties: scipy.stats.kendalltau(range(n), y, method='exact'), theilslopes")
for y in [[5.1, 5.3, 5.2, 5.6, 5.5, 5.9, 6.0], [3, 1, 4, 1.5, 9, 2.6, 5.3, 5.8, 9.7, 7.9],
          [10, 9, 8, 7, 6]]:
    res = stats.kendalltau(range(len(y)), y, method="exact")
    print(f"  {y}: tau={res.statistic!r} p={res.pvalue!r} sen={stats.theilslopes(y).slope!r}")
print("# Mann-Kendall with ties: normal approximation with continuity correction, by hand")
y = [100, 101, 101, 103, 102, 104, 104, 104, 106, 105, 107, 108]
n = len(y)
s = sum(np.sign(y[j] - y[i]) for i in range(n) for j in range(i + 1, n))
_, counts = np.unique(y, return_counts=True)
var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18
z = (s - np.sign(s)) / np.sqrt(var)
print(f"  {y}: S={s} var={var} z={z!r} p={2 * stats.norm.sf(abs(z))!r} sen={stats.theilslopes(y).slope!r}")

TIGHT = dict(ftol=1e-15, xtol=1e-15, gtol=1e-15)  # converge fully: the defaults stop near 1e-8
print("# Amdahl fit, scipy.optimize.curve_fit (relative sigma)")
N = np.array([2, 3, 4, 6, 8], dtype=float)
S = np.array([1.89, 2.73, 3.41, 4.71, 5.97])
amdahl = lambda n, f: n / (1 + f * (n - 1))
popt, pcov = optimize.curve_fit(amdahl, N, S, p0=[0.05], bounds=(0, 1), **TIGHT)
print("  unweighted f, sd:", popt[0], np.sqrt(pcov[0, 0]))
err = np.array([0.02, 0.04, 0.05, 0.09, 0.15])
popt, pcov = optimize.curve_fit(amdahl, N, S, p0=[0.05], sigma=err, bounds=(0, 1), **TIGHT)
print("  weighted f, sd:", popt[0], np.sqrt(pcov[0, 0]))
print("  unweighted R^2:", 1 - np.sum((S - amdahl(N, optimize.curve_fit(amdahl, N, S, p0=[0.05], bounds=(0, 1), **TIGHT)[0][0])) ** 2) / np.sum((S - S.mean()) ** 2))

print("# USL fit, scipy.optimize.curve_fit method='lm' (MINPACK; the optimum is interior, both > 0)")
N = np.array([2, 4, 8, 12, 16, 24, 32], dtype=float)
S = np.array([1.93, 3.61, 6.05, 7.70, 8.62, 9.41, 9.18])
usl = lambda n, s, k: n / (1 + s * (n - 1) + k * n * (n - 1))
popt, pcov = optimize.curve_fit(usl, N, S, p0=[0.05, 0.001], method="lm", **TIGHT)
assert (popt > 0).all()
print("  sigma, kappa:", list(popt), "sd:", list(np.sqrt(np.diag(pcov))))
print("  rss:", np.sum((S - usl(N, *popt)) ** 2))

print("# speedup with error (hyperfine's rule)")
t1, e1, tn, en = 1880.0, 12.0, 770.0, 9.0
ratio = t1 / tn
print(" ", ratio, ratio * np.sqrt((e1 / t1) ** 2 + (en / tn) ** 2))

print("# The least-squares optima to 30 digits with mpmath (scipy's stop ~1e-9 short of them)")
import mpmath as mp  # noqa: E402

mp.mp.dps = 40
N = [2, 3, 4, 6, 8]
S = [mp.mpf(x) for x in ["1.89", "2.73", "3.41", "4.71", "5.97"]]
E = [mp.mpf(x) for x in ["0.02", "0.04", "0.05", "0.09", "0.15"]]
for name, w in [("unweighted", [1] * 5), ("weighted", [1 / e**2 for e in E])]:
    jac = lambda f, n: -n * (n - 1) / (1 + f * (n - 1)) ** 2
    grad = lambda f: sum(wi * (s - n / (1 + f * (n - 1))) * jac(f, n) for n, s, wi in zip(N, S, w))
    f = mp.findroot(grad, 0.05)
    rss = sum(wi * (s - n / (1 + f * (n - 1))) ** 2 for n, s, wi in zip(N, S, w))
    sd = mp.sqrt(rss / (len(N) - 1) / sum(wi * jac(f, n) ** 2 for n, wi in zip(N, w)))
    print(f"  Amdahl {name}: f={mp.nstr(f, 20)} sd={mp.nstr(sd, 20)} rss={mp.nstr(rss, 20)}")
N = [2, 4, 8, 12, 16, 24, 32]
S = [mp.mpf(x) for x in ["1.93", "3.61", "6.05", "7.70", "8.62", "9.41", "9.18"]]
model = lambda n, s, k: n / (1 + s * (n - 1) + k * n * (n - 1))
rss = lambda s, k: sum((y - model(n, s, k)) ** 2 for n, y in zip(N, S))
sig, kap = mp.findroot([lambda s, k: mp.diff(lambda a: rss(a, k), s),
                        lambda s, k: mp.diff(lambda b: rss(s, b), k)], (0.0335, 0.00144))
print(f"  USL: sigma={mp.nstr(sig, 20)} kappa={mp.nstr(kap, 20)} rss={mp.nstr(rss(sig, kap), 20)}")
