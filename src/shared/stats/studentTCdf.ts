import { normalCdf, normalTail } from './normalCdf'
import { logGammaDifference } from './logGammaDifference'
import { regularizedBeta } from './regularizedBeta'

/** Upper tail of Student's t with `df` degrees of freedom, P(T > t), for t ≥ 0. */
export function studentTTail(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return normalTail(t)
  const t2 = t * t
  // P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½); both x and 1 − x are formed exactly.
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2))
}

/** P(0 < T < t) for t ≥ 0, precise for small t where 0.5 − tail is not. */
export function studentTCentral(t: number, df: number): number {
  const t2 = t * t
  return 0.5 * regularizedBeta(t2 / (df + t2), 0.5, df / 2, df / (df + t2))
}

/** Student's t density, used for Newton steps in the quantile. */
export function studentTDensity(t: number, df: number): number {
  const logC = logGammaDifference(df / 2, 0.5) - 0.5 * Math.log(df * Math.PI)
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/** The CDF of Student's t distribution with `df` > 0 degrees of freedom (∞ gives the normal). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive')
  if (Number.isNaN(t)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t)
  return t < 0 ? studentTTail(-t, df) : 0.5 + studentTCentral(t, df)
}
