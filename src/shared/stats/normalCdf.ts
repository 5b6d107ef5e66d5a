import { regularizedGammaP, regularizedGammaQ } from './regularizedGammaQ'

/** Upper tail of the standard normal, P(Z > z), for z ≥ 0: ½·erfc(z/√2) = ½·Q(½, z²/2). */
export function normalTail(z: number): number {
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2)
}

/** P(0 < Z < z) for z ≥ 0: ½·erf(z/√2), precise for small z where 0.5 − tail is not. */
export function normalCentral(z: number): number {
  return 0.5 * regularizedGammaP(0.5, (z * z) / 2)
}

/** The standard normal CDF Φ(z), accurate to about 1e-15 relative in both tails. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN
  return z < 0 ? normalTail(-z) : 0.5 + normalCentral(z)
}
