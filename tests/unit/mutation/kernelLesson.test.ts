/**
 * The lesson of a kernel comparison (kernelComparison.ts, kernelLesson), case
 * by case at its edges (docs/MUTATION.md): the speedups at the largest size are
 * apart only when their difference exceeds the errors combined in quadrature
 * (3-4-5: a difference of exactly 5 with errors 3 and 4 is not apart);
 * 'pays-off-later' only when the faster loop's speedup is the lower one; and
 * 'contradicted' when the faster loop's warm break-even interval lies wholly
 * below the slower one's ('always' counts as below every size, 'never' as
 * above, a missing end as open).
 */
import { describe, expect, it } from 'vitest'
import {
  kernelLesson,
  type KernelSweepSummary
} from '../../../src/shared/analysis/kernelComparison'
import type { SpeedupEstimate } from '../../../src/shared/analysis/speedupWithError'
import type { BreakEven } from '../../../src/shared/stats/findBreakEven'

const speedup = (s: number, e: number): SpeedupEstimate => ({
  workers: 4,
  speedup: s,
  speedupError: e,
  efficiency: s / 4,
  efficiencyError: e / 4,
  basis: 'ci-half-width'
})
const be = (status: BreakEven['status'], lower: number | null, upper: number | null): BreakEven =>
  ({ status, interval: { lower, upper } }) as unknown as BreakEven
const summary = (
  kernel: 'js' | 'wasm',
  s: SpeedupEstimate | null,
  warm: BreakEven | null = null
): KernelSweepSummary => ({
  kernel,
  nsPerElement: kernel === 'wasm' ? 1 : 3,
  breakEven: { warm, cold: null },
  speedupAtLargest: s
})

describe('kernelLesson', () => {
  it('is null without both speedups', () => {
    expect(kernelLesson(summary('wasm', null), summary('js', speedup(3, 0.1)))).toBeNull()
    expect(kernelLesson(summary('wasm', speedup(2, 0.1)), summary('js', null))).toBeNull()
  })

  it('apart only beyond the errors in quadrature: 5 with errors 3 and 4 is noise', () => {
    expect(kernelLesson(summary('wasm', speedup(1, 3)), summary('js', speedup(6, 4)))).toBe(
      'within-noise'
    )
    expect(kernelLesson(summary('wasm', speedup(1, 3)), summary('js', speedup(6.01, 4)))).toBe(
      'pays-off-later'
    )
  })

  it('pays off later only when the faster loop’s speedup is the lower one', () => {
    expect(kernelLesson(summary('wasm', speedup(2, 0.1)), summary('js', speedup(3, 0.1)))).toBe(
      'pays-off-later'
    )
    expect(kernelLesson(summary('wasm', speedup(3, 0.1)), summary('js', speedup(2, 0.1)))).toBe(
      'within-noise'
    )
  })

  it('is contradicted when the faster loop’s warm break-even lies clearly below', () => {
    const fast = (warm: BreakEven | null): KernelSweepSummary =>
      summary('wasm', speedup(2, 0.1), warm)
    const slow = (warm: BreakEven | null): KernelSweepSummary =>
      summary('js', speedup(3, 0.1), warm)
    const lesson = (a: BreakEven | null, b: BreakEven | null) => kernelLesson(fast(a), slow(b))
    expect(lesson(be('crosses', 100, 200), be('crosses', 300, 400))).toBe('contradicted')
    // Touching intervals are not clearly apart.
    expect(lesson(be('crosses', 100, 300), be('crosses', 300, 400))).toBe('pays-off-later')
    expect(lesson(be('crosses', 300, 500), be('crosses', 100, 200))).toBe('pays-off-later')
    // 'always' lies below any size, 'never' above any, whatever their intervals say.
    expect(lesson(be('always', 1e9, 1e9), be('crosses', 300, 400))).toBe('contradicted')
    expect(lesson(be('crosses', 100, 1e9), be('never', 1, 1))).toBe('contradicted')
    // Open ends: a missing upper end of the first, or lower end of the second, never clears.
    expect(lesson(be('crosses', 100, null), be('crosses', 300, 400))).toBe('pays-off-later')
    expect(lesson(be('crosses', 100, 200), be('crosses', null, 400))).toBe('pays-off-later')
    // A missing sweep decides nothing.
    expect(lesson(null, be('crosses', 300, 400))).toBe('pays-off-later')
    expect(lesson(be('crosses', 100, 200), null)).toBe('pays-off-later')
  })
})
