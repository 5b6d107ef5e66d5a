import type { BreakEven } from '@shared/stats/findBreakEven'
import { breakEvenTooWide } from '@shared/analysis/findingFacts'
import type { KernelComparison } from '@shared/analysis/kernelComparison'
import { formatFixed, formatInteger, formatSpeedup } from '@shared/format'
import type { Messages } from './i18n'

/** A break-even size in the user's language: about 2,000,000 · below 10,000 · above 10^9. */
export function breakEvenText(
  b: BreakEven | null,
  c: KernelComparison,
  m: Messages,
  locale: string
): string {
  const k = m.kernels
  if (!b) return '—'
  if (b.status === 'always') return k.always(formatInteger(c.smallestSize, locale))
  if (b.status === 'never') return k.never(formatInteger(c.largestSize, locale))
  if (b.size === null) return k.unclear
  if (breakEvenTooWide(b)) {
    const lower =
      b.interval.lower === null
        ? `< ${formatInteger(c.smallestSize, locale)}`
        : formatInteger(Number(b.interval.lower.toPrecision(2)), locale)
    const upper =
      b.interval.upper === null
        ? `> ${formatInteger(c.largestSize, locale)}`
        : formatInteger(Number(b.interval.upper.toPrecision(2)), locale)
    return k.somewhere(lower, upper)
  }
  const about = k.about(formatInteger(Number(b.size.toPrecision(2)), locale))
  return b.status === 'mixed' ? `${about} ${k.noisy}` : about
}

/** The comparison's findings with the user's numbers, in the user's language. */
export function kernelFindings(c: KernelComparison, m: Messages, locale: string): string[] {
  const e = m.kernels.explainer
  const fast = c.kernels.find((k) => k.kernel === c.faster)
  const slow = c.kernels.find((k) => k.kernel === c.slower)
  if (!fast || !slow || c.ratio === null) return []
  const name = (kernel: string): string => m.kernels.words[kernel as 'js' | 'wasm'] ?? kernel
  const lines = [e.yours(name(fast.kernel), name(slow.kernel), formatFixed(c.ratio, 1, locale))]
  for (const pool of ['warm', 'cold'] as const) {
    if (!fast.breakEven[pool] || !slow.breakEven[pool]) continue
    lines.push(
      e.breakEven(
        m.words[pool],
        name(slow.kernel),
        breakEvenText(slow.breakEven[pool], c, m, locale),
        name(fast.kernel),
        breakEvenText(fast.breakEven[pool], c, m, locale)
      )
    )
  }
  if (slow.speedupAtLargest && fast.speedupAtLargest) {
    lines.push(
      e.speedup(
        formatInteger(c.largestSize, locale),
        name(slow.kernel),
        formatSpeedup(slow.speedupAtLargest.speedup, locale),
        name(fast.kernel),
        formatSpeedup(fast.speedupAtLargest.speedup, locale)
      )
    )
  }
  return lines
}
