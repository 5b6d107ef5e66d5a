import { gammaln } from 'simple-statistics'

/** Stirling's correction φ(x) = lnΓ(x) − [(x − ½)ln x − x + ½ln 2π], good to 1e-15 for x ≥ 20. */
function stirlingCorrection(x: number): number {
  const x2 = x * x
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x
}

/**
 * lnΓ(a + b) − lnΓ(a) without the cancellation of subtracting two large
 * logarithms: for large a (many degrees of freedom) the plain difference loses
 * ~|lnΓ(a)|·ε, which at ν = 10⁶ is already 1e-9.
 */
export function logGammaDifference(a: number, b: number): number {
  if (a < 20) return gammaln(a + b) - gammaln(a)
  return (
    (a - 0.5) * Math.log1p(b / a) +
    b * Math.log(a + b) -
    b +
    stirlingCorrection(a + b) -
    stirlingCorrection(a)
  )
}
