/**
 * The Method section's figures (methodRules.ts), pinned from the record
 * (docs/MUTATION.md). The serial rule's ratio T1 ÷ T_serial and its interval
 * are checked against a computation done here from the formulas, with the
 * Student-t quantile t(0.975, 2) = 4.302652729749462 from scipy
 * (`stats.t.ppf(0.975, 2)`): three repetitions give the mean's t interval,
 * half-width t·s/√n, and the ratio's error is S·√((e1/T1)² + (eS/TS)²),
 * applied on the log scale: S·e^(±e/S).
 */
import { describe, expect, it } from 'vitest'
import { methodRulesOf } from '../../../src/shared/analysis/methodRules'
import type { ContentionAnalysis } from '../../../src/shared/analysis/contention'
import type { RunProtocol, RunRecord } from '../../../src/shared/result'
import { describeTimings } from '../../../src/shared/analysis/describeTimings'
import { syntheticRun } from '../../helpers/syntheticRun'

const T_975_2 = 4.302652729749462
const QUIET = {
  code: 'quiet',
  signals: [],
  slowdown: null,
  load: null,
  cores: 2,
  neededCores: 2
} as ContentionAnalysis

const PROTOCOL: RunProtocol = {
  warmupRule: 'steady',
  warmupLimit: 10,
  warmups: [{ workers: 1, count: 3, steady: true }],
  firstOrder: [2, 0, 1],
  rounds: 3,
  serial: 'measured'
}

function run(serialMs: number[] | null, counts = [1, 2], t1 = [100, 101, 99]): RunRecord {
  const r = syntheticRun(
    counts.map((workers) => ({ workers, wallMs: t1.map((t) => t / Math.min(workers, 2)) })),
    { warmup: 'auto', seed: 1234 }
  )
  if (serialMs === null) return r
  const one = r.results[0].samples
  return {
    ...r,
    serial: {
      correct: true,
      samples: serialMs.map((wallMs, i) => ({ ...one[i % one.length], rep: i + 1, wallMs }))
    },
    protocol: PROTOCOL
  }
}

const close = (actual: number | null, expected: number, rel = 1e-12): void => {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected))
}

/** S·e^(±e/S) with e = S·√((h/T1)² + (h/TS)²), h the mean's 95% half-width of three values with s = 1. */
function expectedInterval(t1: number, ts: number): [number, number] {
  const h = T_975_2 / Math.sqrt(3)
  const s = t1 / ts
  const e = s * Math.sqrt((h / t1) ** 2 + (h / ts) ** 2)
  return [s * Math.exp(-e / s), s * Math.exp(e / s)]
}

describe('the serial rule', () => {
  it('one worker significantly slower than none: the ratio 1.25 with its interval above 1', () => {
    const s = methodRulesOf(run([80, 81, 79]), QUIET).serial
    expect(s.status).toBe('measured')
    expect(s.timing?.medianMs).toBe(80)
    expect(s.t1Ms).toBe(100)
    expect(s.workerCostMs).toBe(20)
    expect(s.ratio).toBe(1.25)
    const [low, high] = expectedInterval(100, 80)
    close(s.ratioLow, low)
    close(s.ratioHigh, high)
    close(low, 1.2012683360605079) // scipy/math, printed once
    expect(s.verdict).toBe('slower')
  })

  it('faster when the serial case took longer; no difference when the interval holds 1', () => {
    const faster = methodRulesOf(run([130, 131, 129]), QUIET).serial
    const [low, high] = expectedInterval(100, 130)
    close(faster.ratioLow, low)
    close(faster.ratioHigh, high)
    expect(faster.workerCostMs).toBe(-30)
    expect(faster.verdict).toBe('faster')
    expect(methodRulesOf(run([100, 101, 99]), QUIET).serial.verdict).toBe('no-difference')
  })

  it('an interval that is exactly 1 (equal times, no spread) is neither slower nor faster', () => {
    const s = methodRulesOf(run([100, 100, 100], [1, 2], [100, 100, 100]), QUIET).serial
    expect([s.ratio, s.ratioLow, s.ratioHigh]).toEqual([1, 1, 1])
    expect(s.verdict).toBe('no-difference')
  })

  it('from six repetitions on, the bootstrap interval of the median, not the mean’s t', () => {
    const serial = [80, 81, 79, 80, 82, 78]
    const t1 = [100, 101, 99, 100, 102, 98]
    const s = methodRulesOf(run(serial, [1, 2], t1), QUIET).serial
    const hs = describeTimings(serial).medianInterval!.halfWidth
    const h1 = describeTimings(t1).medianInterval!.halfWidth
    expect(hs).not.toBe(describeTimings(serial).meanInterval!.halfWidth)
    const r = 1.25
    const e = r * Math.sqrt((h1 / 100) ** 2 + (hs / 80) ** 2)
    close(s.ratioLow, r * Math.exp(-e / r))
    close(s.ratioHigh, r * Math.exp(e / r))
  })

  it('no interval and no verdict from one repetition; the ratio still given', () => {
    const s = methodRulesOf(run([80]), QUIET).serial
    expect(s.ratio).toBe(1.25)
    expect(s.ratioLow).toBeNull()
    expect(s.ratioHigh).toBeNull()
    expect(s.verdict).toBeNull()
    // One repetition of T1 instead: the same.
    const t1Once = methodRulesOf(run([80, 81, 79], [1, 2], [100]), QUIET).serial
    expect(t1Once.ratio).toBe(1.25)
    expect(t1Once.ratioLow).toBeNull()
    expect(t1Once.verdict).toBeNull()
  })

  it('measured without a one-worker count: the timing, nothing beside it', () => {
    const s = methodRulesOf(run([80, 81, 79], [2]), QUIET).serial
    expect(s.status).toBe('measured')
    expect(s.timing?.medianMs).toBe(80)
    expect([s.t1Ms, s.workerCostMs, s.ratio, s.ratioLow, s.ratioHigh, s.verdict]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null
    ])
    // A one-worker count with no repetitions is the same as none.
    const r = run([80, 81, 79])
    r.results[0] = { ...r.results[0], samples: [] }
    expect(methodRulesOf(r, QUIET).serial.t1Ms).toBeNull()
  })

  it('without serial samples: the protocol’s status, else not recorded', () => {
    expect(methodRulesOf(run(null), QUIET).serial.status).toBe('not-recorded')
    const skipped = { ...run(null), protocol: { ...PROTOCOL, serial: 'skipped' as const } }
    expect(methodRulesOf(skipped, QUIET).serial.status).toBe('skipped')
    const empty = { ...run([80]), serial: { correct: true, samples: [] } }
    expect(methodRulesOf(empty, QUIET).serial).toMatchObject({
      status: 'measured',
      timing: null,
      ratio: null
    })
  })
})

describe('warm-up, order, cores, contention', () => {
  it('copies the protocol; without one, the configured warm-up count or 0', () => {
    const m = methodRulesOf(run([80, 81, 79]), QUIET)
    expect(m.warmup).toEqual({ rule: 'steady', limit: 10, taken: PROTOCOL.warmups })
    expect(m.order).toEqual({ seed: 1234, firstOrder: [2, 0, 1], rounds: 3 })
    const old = run(null)
    expect(methodRulesOf(old, QUIET).warmup).toEqual({ rule: 'not-recorded', limit: 0, taken: [] })
    const fixed = { ...old, config: { ...old.config, warmup: 3 } }
    expect(methodRulesOf(fixed, QUIET).warmup).toEqual({
      rule: 'not-recorded',
      limit: 3,
      taken: []
    })
    const { seed: _, ...noSeed } = old.config
    expect(methodRulesOf({ ...old, config: noSeed }, QUIET).order).toEqual({
      seed: null,
      firstOrder: [],
      rounds: 0
    })
  })

  it('lists the counts above the physical cores, sorted and once; none for waits, clusters or unknown cores', () => {
    const r = run([80], [4, 1, 2, 4, 3])
    const withCores = (physicalCores?: number): RunRecord => ({
      ...r,
      system: { ...r.system, ...(physicalCores === undefined ? {} : { physicalCores }) }
    })
    const m = methodRulesOf(withCores(2), QUIET).cores
    expect(m).toEqual({ physical: 2, logical: 2, available: 2, abovePhysical: [3, 4] })
    expect(methodRulesOf(withCores(), QUIET).cores.abovePhysical).toEqual([])
    expect(methodRulesOf(withCores(), QUIET).cores.physical).toBeNull()
    const wait = { ...withCores(2), config: { ...r.config, job: 'wait' as const } }
    expect(methodRulesOf(wait, QUIET).cores.abovePhysical).toEqual([])
    const cluster = withCores(2)
    cluster.system = { ...cluster.system, cluster: { server: 's', agents: [] } }
    expect(methodRulesOf(cluster, QUIET).cores.abovePhysical).toEqual([])
  })

  it('carries the contention code, signals, load and cores', () => {
    const contended = {
      ...QUIET,
      code: 'contended',
      cores: 3,
      signals: [{ code: 'load' }],
      load: { busy: 1 }
    } as unknown as ContentionAnalysis
    expect(methodRulesOf(run([80]), contended).contention).toEqual({
      code: 'contended',
      signals: [{ code: 'load' }],
      load: { busy: 1 },
      cores: 3
    })
  })
})

describe('the command start cost', () => {
  it('is the protocol’s measured start cost, and null without one or without a protocol', () => {
    const cost = { wallMs: 4.5, cpuMs: 3.25, samples: 5 }
    const r = run([80, 81, 79])
    const withCost = { ...r, protocol: { ...PROTOCOL, commandStartCost: cost } }
    expect(methodRulesOf(withCost, QUIET).startCost).toEqual(cost)
    expect(methodRulesOf(r, QUIET).startCost).toBeNull()
    expect(methodRulesOf(run(null), QUIET).startCost).toBeNull()
  })
})
