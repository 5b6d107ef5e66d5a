import { fitAmdahl, type AmdahlFit, type FitOptions } from './fitAmdahl'
import { fitUsl, type UslFit } from './fitUsl'
import type { ScalingPoint } from './types'

export interface ModelComparison {
  amdahl: AmdahlFit | null
  usl: UslFit | null
  /** The model to draw and report: the USL only where it fits clearly better. */
  best: 'amdahl' | 'usl' | null
  /** AICc(Amdahl) − AICc(USL): positive favours the USL; null when it cannot be computed. */
  deltaAicc: number | null
  /**
   * Why: `no-fit` (no worker count above one), `usl-untestable` (fewer than 5
   * counts above one, or no AICc), `usl-better` (κ > 0 and ΔAICc ≥ the margin),
   * `amdahl-enough`. The analysis's findingText.ts words it.
   */
  basis: ModelChoiceBasis
}

export type ModelChoiceBasis = 'no-fit' | 'usl-untestable' | 'usl-better' | 'amdahl-enough'

/** AICc difference needed before the extra parameter is believed (Burnham & Anderson's rule of thumb). */
export const AICC_MARGIN = 2

/**
 * Fits both models and keeps Amdahl's law unless the USL's coherency term earns
 * its extra parameter: κ > 0 and an AICc at least 2 lower. Amdahl is the USL with
 * κ = 0, so the USL never fits worse; AICc charges it for the parameter, and
 * with few worker counts (fewer than 5 above one) it cannot be judged at all.
 */
export function compareScalingModels(
  points: readonly ScalingPoint[],
  options: FitOptions = {}
): ModelComparison {
  const amdahl = fitAmdahl(points, options)
  const usl = fitUsl(points, options)
  if (!amdahl) {
    return { amdahl, usl, best: null, deltaAicc: null, basis: 'no-fit' }
  }
  const deltaAicc = usl && amdahl.aicc !== null && usl.aicc !== null ? amdahl.aicc - usl.aicc : null
  if (!usl || deltaAicc === null) {
    return {
      amdahl,
      usl,
      best: 'amdahl',
      deltaAicc,
      basis: 'usl-untestable'
    }
  }
  if (uslEarnsItsParameter(usl.kappa, deltaAicc)) {
    return {
      amdahl,
      usl,
      best: 'usl',
      deltaAicc,
      basis: 'usl-better'
    }
  }
  return {
    amdahl,
    usl,
    best: 'amdahl',
    deltaAicc,
    basis: 'amdahl-enough'
  }
}

/**
 * Whether the USL's coherency term earns its extra parameter: κ > 0 (κ = 0 is
 * Amdahl's law itself) and AICc at least AICC_MARGIN lower (exactly the margin
 * counts). Apart so that both boundaries can be checked at the exact values.
 */
export function uslEarnsItsParameter(kappa: number, deltaAicc: number): boolean {
  return kappa > 0 && deltaAicc >= AICC_MARGIN
}
