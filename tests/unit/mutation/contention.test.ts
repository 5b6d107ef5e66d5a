/**
 * The contention finding, figure by figure: each test pins a count, a signal
 * or a code that a mutant of contention.ts changed without any other test
 * noticing (docs/MUTATION.md). Thresholds are met exactly (≥, not >).
 */
import { describe, expect, it } from 'vitest'
import { syntheticRun } from '../../helpers/syntheticRun'
import {
  contentionOf,
  OTHER_CORES_THRESHOLD,
  workerSlowdownOf,
  SLOWDOWN_THRESHOLD,
  STEAL_CORES_THRESHOLD
} from '../../../src/shared/analysis/contention'
import type { CpuLoad } from '../../../src/shared/cpuLoad'
import type { RunRecord } from '../../../src/shared/result'

const reps = (ms: number): number[] => [ms, ms + 0.1, ms + 0.2]

/** A split run of 10^6 elements; `times` are each count's wall times per repetition, in order. */
function run(times: [number, number][], cores: number): RunRecord {
  return syntheticRun(
    times.map(([workers, ms]) => ({ workers, wallMs: reps(ms) })),
    {},
    cores
  )
}

const load = (over: Partial<CpuLoad>): CpuLoad => ({
  source: 'proc-stat',
  wallMs: 5000,
  cores: 2,
  otherCores: 0,
  stealCores: 0,
  ownCores: 1,
  loadAverage: null,
  ...over
})

/** Every worker of every repetition of `workers` reports `ns` per element. */
function reportNs(record: RunRecord, workers: number, ns: number): void {
  for (const s of record.results.find((r) => r.workers === workers)!.samples)
    for (const w of s.workers) w.nsPerElement = ns
}

describe('contentionOf, figure by figure', () => {
  it('reads the widest count within the cores, whatever order the counts were run in', () => {
    // 4 cores; 1 worker: 100 ms for 10^6 elements (100 ns each); 4 workers: 40 ms for a quarter (160 ns).
    for (const order of [
      [1, 2, 4],
      [4, 1, 2],
      [2, 4, 1],
      [1, 4, 2]
    ]) {
      const ms: Record<number, number> = { 1: 100.5, 2: 50.5, 4: 40.5 }
      const c = contentionOf(
        run(
          order.map((n) => [n, ms[n]]),
          4
        ),
        4,
        null
      )
      expect(c.slowdown?.workers).toBe(4)
      expect(c.slowdown!.alone).toBeCloseTo((100.1 * 1e6) / 1e6, 9)
      expect(c.slowdown!.together).toBeCloseTo((40.1 * 1e6) / 250_000, 9)
      expect(c.slowdown!.unit).toBe('ns-per-element')
      expect(c.slowdown!.slowdown).toBeCloseTo((40.1 * 4) / 100.1, 12)
      expect(c.signals).toEqual(['workers-slower'])
    }
  })

  it('skips a count within the cores that has no repetitions', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 60.5],
        [4, 40.5]
      ],
      4
    )
    record.results[2].samples = []
    const c = contentionOf(record, 4, null)
    expect(c.slowdown?.workers).toBe(2)
    expect(c.slowdown!.slowdown).toBeCloseTo((60.1 * 2) / 100.1, 12)
  })

  it('needs only the counts within the cores free', () => {
    const c = contentionOf(
      run(
        [
          [1, 100.5],
          [2, 51],
          [8, 30]
        ],
        2
      ),
      2
    )
    expect(c.neededCores).toBe(2)
    expect(c.cores).toBe(2)
  })

  it('meets each threshold exactly: a slowdown of 1.3, 0.25 other cores, 0.1 cores of steal', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 50.5]
      ],
      2
    )
    reportNs(record, 1, 10)
    reportNs(record, 2, 13)
    expect(13 / 10).toBe(SLOWDOWN_THRESHOLD)
    expect(contentionOf(record, 2).slowdown!.slowdown).toBe(SLOWDOWN_THRESHOLD)
    expect(contentionOf(record, 2).signals).toEqual(['workers-slower'])

    reportNs(record, 2, 10)
    record.load = load({ otherCores: OTHER_CORES_THRESHOLD, stealCores: STEAL_CORES_THRESHOLD })
    const c = contentionOf(record, 2)
    expect(c.slowdown!.slowdown).toBe(1)
    expect(c.signals).toEqual(['other-programs', 'steal'])
    expect(c.code).toBe('contended')

    record.load = load({ otherCores: 0.2, stealCores: 0.09 })
    expect(contentionOf(record, 2).code).toBe('quiet')
  })

  it('is quiet with a slowdown and no load, or a load and no slowdown; unknown with neither', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 50.5]
      ],
      2
    )
    expect(contentionOf(record, 2)).toMatchObject({ code: 'quiet', signals: [], load: null })
    const alone = run([[1, 100.5]], 2)
    expect(contentionOf(alone, 2).code).toBe('unknown')
    alone.load = load({ otherCores: 0.1 })
    expect(contentionOf(alone, 2)).toMatchObject({ code: 'quiet', slowdown: null })
  })

  it('has no slowdown when the workers together report no speed', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 50.5]
      ],
      2
    )
    for (const s of record.results[1].samples) for (const w of s.workers) w.computeMs = 0
    expect(contentionOf(record, 2).slowdown).toBeNull()
    expect(contentionOf(record, 2).code).toBe('unknown')
  })

  it('has no slowdown when one worker alone reports no speed', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 50.5]
      ],
      2
    )
    for (const s of record.results[0].samples) for (const w of s.workers) w.computeMs = 0
    expect(contentionOf(record, 2).slowdown).toBeNull()
    expect(workerSlowdownOf(record, 2)).toBeNull()
  })

  it('a count’s slowdown is its ns/element over one worker’s, whatever order they ran in', () => {
    const record = run(
      [
        [4, 30],
        [2, 50.5],
        [1, 100.5]
      ],
      4
    )
    reportNs(record, 1, 2)
    reportNs(record, 2, 3)
    reportNs(record, 4, 5)
    expect(workerSlowdownOf(record, 2)).toBe(1.5)
    expect(workerSlowdownOf(record, 4)).toBe(2.5)
    expect(workerSlowdownOf(record, 1)).toBeNull()
    // A count not in the run, or a run without one worker: nothing to divide.
    expect(workerSlowdownOf(record, 8)).toBeNull()
    const noOne = run([[2, 50.5]], 2)
    expect(workerSlowdownOf(noOne, 2)).toBeNull()
    // No speed on either side: null, not 0 or ∞.
    for (const side of [0, 1]) {
      const r = run(
        [
          [1, 100.5],
          [2, 50.5]
        ],
        2
      )
      for (const s of r.results[side].samples) for (const w of s.workers) w.computeMs = 0
      expect(workerSlowdownOf(r, 2)).toBeNull()
    }
  })

  it('reads neither the workers nor this machine’s load for a cluster run', () => {
    const record = run(
      [
        [1, 100.5],
        [2, 95.5]
      ],
      2
    )
    record.load = load({ otherCores: 1.5, stealCores: 0.5 })
    expect(contentionOf(record, 2).code).toBe('contended')
    expect(workerSlowdownOf(record, 2)).not.toBeNull()
    record.system.cluster = {
      server: 'nats://127.0.0.1:4222',
      agents: [
        {
          host: 'host-a',
          name: 'agent-a',
          cores: 2,
          node: '20.19.4',
          kind: 'process',
          workers: 2,
          rttMs: 0.4,
          clockOffsetMs: 0.1
        }
      ]
    }
    expect(contentionOf(record, 2)).toMatchObject({
      code: 'unknown',
      signals: [],
      slowdown: null,
      load: null
    })
    expect(workerSlowdownOf(record, 2)).toBeNull()
  })
})
