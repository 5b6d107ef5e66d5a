import { gammaln } from 'simple-statistics'

const EPS = 1e-16
const TINY = 1e-300
const MAX_ITERATIONS = 1000

/** Series for P(a, x), which converges quickly for x < a + 1 (Numerical Recipes §6.2). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * EPS) break
  }
  return sum * Math.exp(-x + a * Math.log(x) - gammaln(a))
}

/** Continued fraction for Q(a, x), modified Lentz, for x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < EPS) break
  }
  return Math.exp(-x + a * Math.log(x) - gammaln(a)) * h
}

/**
 * The upper regularized incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
 * It gives the normal tail, erfc(z) = Q(½, z²), to full relative precision far
 * into the tail, which a one-line erf approximation does not.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError('regularizedGammaQ needs a > 0')
  if (Number.isNaN(x)) return Number.NaN
  if (x <= 0) return 1
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x)
}

/** The lower regularized incomplete gamma function P(a, x) = 1 − Q(a, x), precise near 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError('regularizedGammaP needs a > 0')
  if (Number.isNaN(x)) return Number.NaN
  if (x <= 0) return 0
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x)
}
