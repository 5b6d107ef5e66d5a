import { fitAmdahl, type AmdahlFit, type FitOptions } from './fitAmdahl'
import { fitUsl, type UslFit } from './fitUsl'
import { formatValue } from './formatNumber'
import type { ScalingPoint } from './types'

export interface ModelComparison {
  amdahl: AmdahlFit | null
  usl: UslFit | null
  /** The model to draw and report: the USL only where it fits clearly better. */
  best: 'amdahl' | 'usl' | null
  /** AICc(Amdahl) − AICc(USL): positive favours the USL; null when it cannot be computed. */
  deltaAicc: number | null
  /** One sentence on the choice, numbers filled in. */
  reason: string
}

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
    return { amdahl, usl, best: null, deltaAicc: null, reason: 'No worker count above one to fit.' }
  }
  const deltaAicc = usl && amdahl.aicc !== null && usl.aicc !== null ? amdahl.aicc - usl.aicc : null
  if (!usl || deltaAicc === null) {
    return {
      amdahl,
      usl,
      best: 'amdahl',
      deltaAicc,
      reason:
        `Amdahl's law is used: ${amdahl.n} worker count${amdahl.n === 1 ? '' : 's'} above one ` +
        `cannot test the USL's extra term (it needs at least 5).`
    }
  }
  if (usl.kappa > 0 && deltaAicc >= AICC_MARGIN) {
    const peak =
      usl.peakWorkers !== null
        ? ` and puts the peak speedup, ${formatValue(usl.peakSpeedup ?? Number.NaN)}×, ` +
          `at about ${formatValue(usl.peakWorkers, 2)} workers`
        : ''
    return {
      amdahl,
      usl,
      best: 'usl',
      deltaAicc,
      reason:
        `The USL fits better (ΔAICc = ${formatValue(deltaAicc, 2)}): a cost that grows with ` +
        `every pair of workers (κ = ${formatValue(usl.kappa)}) bends the curve down${peak}.`
    }
  }
  return {
    amdahl,
    usl,
    best: 'amdahl',
    deltaAicc,
    reason:
      `Amdahl's law is enough: the USL's coherency term does not improve the fit ` +
      `(ΔAICc = ${formatValue(deltaAicc, 2)}, below ${AICC_MARGIN}).`
  }
}
