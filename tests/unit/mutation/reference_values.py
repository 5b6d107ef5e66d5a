"""Reference values for tests/unit/mutation/studentT.test.ts and statsBasics.test.ts, independent of the TypeScript.

Run: python3 tests/unit/mutation/reference_values.py   (mpmath 1.3, scipy 1.17 for starting points only)
The tests hard-code what this prints; nothing here runs in CI.
"""
import mpmath as mp
from scipy import stats
mp.mp.dps = 40
def tail(t, df):  # P(T > t), t >= 0
    t=mp.mpf(t); df=mp.mpf(df)
    return mp.betainc(df/2, mp.mpf(1)/2, 0, df/(df+t*t), regularized=True)/2
def cdf(t, df):
    t=mp.mpf(t)
    return tail(-t, df) if t < 0 else 1 - tail(t, df)
def quant(p, df):
    p=mp.mpf(p); q=min(p,1-p)
    z=float(stats.t.ppf(float(q), float(df)))
    x=mp.findroot(lambda x: tail(x, df)-q, -z)
    return -x if p < 0.5 else x
for p, df in [(1e-10, 1e5), (1e-30, 1e5), (0.975, 1e5), (1e-30, 2e5), (0.975, 99999), (0.5000001, 5), (1e-10, 99999)]:
    print('q', p, df, repr(float(quant(p, df))))
for t, df in [(0.5, 50000), (-0.5, 50000), (3, 1e7), (-4, 1e6)]:
    print('cdf', t, df, repr(float(cdf(t, df))))
def dens(t, df):
    t=mp.mpf(t); df=mp.mpf(df)
    return mp.gamma((df+1)/2)/(mp.sqrt(df*mp.pi)*mp.gamma(df/2))*(1+t*t/df)**(-(df+1)/2)
for t, df in [(0, 1), (2, 5), (1.5, 30), (3, 1e6)]:
    print('dens', t, df, repr(float(dens(t, df))))
for a, b in [(5e5, 0.5), (20, 0.5), (25, 3)]:
    print('lgd', a, b, repr(float(mp.loggamma(mp.mpf(a)+b)-mp.loggamma(a))))
for x, a, b in [(0.999, 5e5, 0.5), (1e-7, 0.5, 5e5)]:
    print('beta', x, a, b, repr(float(mp.betainc(a, b, 0, x, regularized=True))))
for a, x in [(0.5, 50), (0.5, 0.01), (2.5, 1), (0.5, 4.5)]:
    print('Q', a, x, repr(float(mp.gammainc(a, x, mp.inf, regularized=True))), 'P', repr(float(mp.gammainc(a, 0, x, regularized=True))))
print('ncdf3', repr(float(mp.ncdf(3))))
# normal quantiles (statsBasics.test.ts): the root of ncdf(x) = p
mp.mp.dps = 50
def nq(p):
    p = mp.mpf(p)
    return mp.findroot(lambda x: mp.ncdf(x) - p, mp.mpf(0) if p > 0.01 else -mp.sqrt(-2 * mp.log(p)))
for p in [1e-20, 0.999, 0.25, 0.75, 0.9]:
    print('nq', p, repr(float(nq(p))))
print('nq 2^-40', repr(float(nq(mp.mpf(2) ** -40))))
