import { probit } from 'simple-statistics'
import { normalCentral, normalTail } from './normalCdf'
import { solveTail } from './solveTail'

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI)
const density = (x: number): number => INV_SQRT_2PI * Math.exp((-x * x) / 2)

/**
 * The standard normal quantile Φ⁻¹(p). simple-statistics' `probit` is only good
 * to about three digits, so it serves as the first guess for Newton steps on the
 * exact tail (or, near the centre, on P(0 < Z < z), to keep relative precision).
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  const q = Math.min(p, 1 - p)
  const rough = Math.abs(probit(q))
  const guess = Number.isFinite(rough) ? rough : Math.sqrt(-2 * Math.log(q))
  const z =
    q > 0.25
      ? solveTail(-Math.abs(p - 0.5), (x) => -normalCentral(x), density, guess)
      : solveTail(q, normalTail, density, guess)
  return p < 0.5 ? -z : z
}
