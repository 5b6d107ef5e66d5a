import { describe, expect, it } from 'vitest'
import { compareRuns } from '../../src/shared/analysis/compareRuns'
import { summarize } from '../../src/shared/history'
import { formatSignedPercent } from '../../src/shared/format'
import {
  headlineRow,
  previousComparable,
  sinceLastLine
} from '../../src/renderer/src/lib/results/sinceLast'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { syntheticRun } from '../helpers/syntheticRun'

/** A run of 1 and 2 workers whose 2-worker times are `twoMs`, started at `startedAt`. */
function run(id: string, startedAt: string, twoMs: number[], end = 1_000_000) {
  const record = syntheticRun(
    [
      { workers: 1, wallMs: [100, 101, 99, 100, 102] },
      { workers: 2, wallMs: twoMs }
    ],
    { range: { start: 0, end } },
    2,
    id
  )
  return { ...record, startedAt }
}

const base = run('a', '2026-12-07T10:00:00.000Z', [60, 61, 59, 60, 62])

describe('since the last comparable run: which run', () => {
  const same = run('b', '2026-12-07T10:01:00.000Z', [60, 61, 59, 60, 62])
  const other = run('c', '2026-12-07T10:02:00.000Z', [60, 61, 59, 60, 62], 2_000_000)
  const later = run('d', '2026-12-07T10:03:00.000Z', [60, 61, 59, 60, 62])
  const stored = [later, other, same, base].map(summarize)

  it('takes the newest earlier run of the same configuration, not another range nor a later run', () => {
    expect(previousComparable(stored, same)?.id).toBe('a')
    expect(previousComparable(stored, later)?.id).toBe('b')
  })

  it('has none for the first run of a configuration, nor for itself', () => {
    expect(previousComparable(stored, base)).toBeNull()
    expect(previousComparable(stored, other)).toBeNull()
  })
})

describe('since the last comparable run: what it says', () => {
  it('faster: the time interval below the no-change band, worded from the shared comparison at the largest count', () => {
    const faster = run('f', '2026-12-07T10:05:00.000Z', [48, 49, 47, 48, 50])
    const outcome = compareRuns(base, faster)
    if (!outcome.ok) throw new Error('refused')
    const row = headlineRow(outcome.value)!
    expect(row.workers).toBe(2)
    expect(row.time.verdict).toBe('improved')
    const line = sinceLastLine(base, faster, en, 'en')!
    const pct = (x: number): string => formatSignedPercent(x - 1, 'en')
    expect(line.verdict).toBe('improved')
    expect(line.text).toContain(
      `2 workers: faster: time ${pct(row.time.low!)} … ${pct(row.time.high!)}`
    )
    expect(line.text).toContain(`(median ${pct(row.time.ratio)})`)
    expect(line.text).toContain('(median −20.0%)')
    const korean = sinceLastLine(base, faster, ko, 'ko')!
    expect(korean.text).toContain('워커 2개: 빨라짐: 시간')
  })

  it('slower and no change', () => {
    const slower = run('s', '2026-12-07T10:05:00.000Z', [72, 73, 71, 72, 74])
    expect(sinceLastLine(base, slower, en, 'en')).toMatchObject({ verdict: 'regressed' })
    expect(sinceLastLine(base, slower, en, 'en')!.text).toContain(': slower: time +')
    const same = run('n', '2026-12-07T10:05:00.000Z', [61, 59, 60, 62, 60])
    const line = sinceLastLine(base, same, en, 'en')!
    expect(line.verdict).toBe('no-change')
    expect(line.text).toMatch(/: no change: time [−+]?\d+(\.\d+)?% … [−+]?\d+(\.\d+)?% \(median/)
    expect(sinceLastLine(base, same, ko, 'ko')!.text).toContain('변화 없음')
  })

  it('too few repetitions for an interval: the median change only, said so', () => {
    const few = (id: string, at: string, two: number[]) => {
      const r = syntheticRun(
        [
          { workers: 1, wallMs: [100, 101] },
          { workers: 2, wallMs: two }
        ],
        {},
        2,
        id
      )
      return { ...r, startedAt: at }
    }
    const a = few('x', '2026-12-07T10:00:00.000Z', [60, 61])
    const b = few('y', '2026-12-07T10:01:00.000Z', [48, 49])
    const line = sinceLastLine(a, b, en, 'en')!
    expect(line.text).toContain('too few repetitions for an interval')
    expect(line.text).not.toContain('faster')
  })

  it('nothing for runs the comparison refuses (another range)', () => {
    const other = run('o', '2026-12-07T10:05:00.000Z', [60, 61, 59, 60, 62], 5_000_000)
    expect(sinceLastLine(base, other, en, 'en')).toBeNull()
  })
})
