import { gammaln } from 'simple-statistics'
import { logGammaDifference } from './logGammaDifference'

const EPS = 1e-16
const TINY = 1e-300
const MAX_ITERATIONS = 100000

/**
 * The regularized incomplete beta function I_x(a, b), the CDF behind Student's t.
 * Continued fraction evaluated with the modified Lentz method (Numerical Recipes
 * §6.4), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction
 * converges fastest. `complement` (1 − x) may be passed exactly when the caller
 * has it, so that x close to 1 keeps its precision.
 */
export function regularizedBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError('regularizedBeta needs a > 0 and b > 0')
  if (Number.isNaN(x)) return Number.NaN
  if (x <= 0) return 0
  if (complement <= 0) return 1
  // ln[Γ(a+b) / (Γ(a)Γ(b))], the larger argument taken through the difference.
  const [big, small] = a >= b ? [a, b] : [b, a]
  // Logs from whichever of x and 1 − x is small, so a large a or b does not amplify rounding.
  const logX = x <= 0.5 ? Math.log(x) : Math.log1p(-complement)
  const logComplement = complement <= 0.5 ? Math.log(complement) : Math.log1p(-x)
  const logFront = logGammaDifference(big, small) - gammaln(small) + a * logX + b * logComplement
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a
  return 1 - (Math.exp(logFront) * betaFraction(complement, b, a)) / b
}

function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < EPS) return h
  }
  return h
}
