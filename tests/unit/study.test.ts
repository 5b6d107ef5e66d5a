import { describe, expect, it } from 'vitest'
import {
  backendComparisonText as comparisonMessage,
  findingText as studyFindingMessage,
  sweepText as sweepMessage
} from '../../src/shared/report'
import { analyzeStudy } from '../../src/shared/scaling'
import {
  DEFAULT_SWEEP_SIZES,
  estimateStepMs,
  halfDecades,
  parseSizeList,
  studyPlan,
  validateStudyConfig,
  type StudyRecord
} from '../../src/shared/study'
import { STUDY_BASE, syntheticStudy } from '../helpers/syntheticRun'

const base = STUDY_BASE

describe('size lists', () => {
  it('defaults to 10^4 … 10^9 at half decades', () => {
    expect(DEFAULT_SWEEP_SIZES).toEqual([
      10_000, 31_623, 100_000, 316_228, 1_000_000, 3_162_278, 10_000_000, 31_622_777, 100_000_000,
      316_227_766, 1_000_000_000
    ])
    expect(halfDecades(1000, 50_000)).toEqual([1000, 3162, 10_000, 31_623, 50_000])
  })

  it('parses digits with _ separators, powers, and spans', () => {
    expect(parseSizeList('10_000, 1000,10^6')).toEqual({
      ok: true,
      value: [1000, 10_000, 1_000_000]
    })
    expect(parseSizeList('10^4..10^5,2^20')).toEqual({
      ok: true,
      value: [10_000, 31_623, 100_000, 1_048_576]
    })
    expect(parseSizeList('10^4..10^9')).toEqual({ ok: true, value: [...DEFAULT_SWEEP_SIZES] })
  })

  it('reads whole exponent notation like the rest of the app; refuses junk and backward spans', () => {
    expect(parseSizeList('1e4, 2.5e5')).toEqual({ ok: true, value: [10_000, 250_000] })
    expect(parseSizeList('1.5e0')).toMatchObject({ ok: false })
    expect(parseSizeList('12k')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"12k"')
    })
    expect(parseSizeList('10^5..10^4')).toMatchObject({ ok: false })
    expect(parseSizeList(' , ')).toEqual({
      ok: false,
      message: 'give at least one size',
      code: 'no-sizes',
      params: {}
    })
    expect(parseSizeList('-5')).toMatchObject({ ok: false })
  })
})

describe('studyConfigSchema', () => {
  it('accepts a sweep, a comparison, or both', () => {
    expect(validateStudyConfig({ base, sizes: [1000, 10_000] }).ok).toBe(true)
    expect(validateStudyConfig({ base, backends: ['process', 'thread'] }).ok).toBe(true)
    expect(validateStudyConfig({ base, sizes: [5], backends: ['thread'] }).ok).toBe(true)
  })

  it('lists every problem with its field', () => {
    const r = validateStudyConfig({
      base,
      sizes: [1.5, 0, Number.MAX_SAFE_INTEGER + 2],
      backends: ['thread', 'gpu']
    })
    expect(r.ok ? [] : r.issues).toEqual([
      {
        field: 'sizes.0',
        message: 'a size must be a whole number',
        code: 'not-integer',
        params: {}
      },
      {
        field: 'sizes.1',
        message: 'a size must be at least 1',
        code: 'too-small',
        params: { min: 1 }
      },
      {
        field: 'sizes.2',
        message: 'a size must be a safe integer (≤ 2^53 − 1)',
        code: 'not-safe-integer',
        params: {}
      },
      {
        field: 'backends.1',
        message: 'a backend must be one of process, thread, cluster',
        code: 'one-of',
        params: { values: 'process, thread, cluster' }
      }
    ])
    const many = validateStudyConfig({ base, sizes: Array.from({ length: 41 }, (_, i) => i + 1) })
    expect(many.ok ? [] : many.issues).toEqual([
      { field: 'sizes', message: 'at most 40 sizes', code: 'too-many', params: { max: 40 } }
    ])
    const empty = validateStudyConfig({ base })
    expect(empty).toEqual({
      ok: false,
      issues: [
        {
          field: '(config)',
          message: 'a study needs sizes to sweep, backends to compare, or both',
          code: 'study-empty',
          params: {}
        }
      ]
    })
    const twice = validateStudyConfig({ base, sizes: [10, 10], backends: ['thread', 'thread'] })
    expect(twice.ok ? [] : twice.issues.map((i) => i.field)).toEqual(['sizes', 'backends'])
    const unsafe = validateStudyConfig({
      base: { ...base, workload: 'weak', range: { start: 0, end: 10 } },
      sizes: [2 ** 52]
    })
    expect(unsafe.ok ? [] : unsafe.issues).toEqual([
      {
        field: 'sizes.0',
        message: `start + ${2 ** 52} × 2 leaves the safe integers`,
        code: 'size-unsafe',
        params: { size: 2 ** 52, copies: 2 }
      }
    ])
  })
})

describe('studyPlan', () => {
  it('runs each backend’s sweep warm then cold, sizes ascending, then each backend’s comparison', () => {
    const steps = studyPlan({ base, sizes: [100, 10], backends: ['thread', 'process'] })
    expect(
      steps.map((s) =>
        s.kind === 'size' ? `${s.backend} ${s.pool} ${s.size}` : `${s.kind} ${s.backend}`
      )
    ).toEqual([
      'thread warm 10',
      'thread warm 100',
      'thread cold 10',
      'thread cold 100',
      'process warm 10',
      'process warm 100',
      'process cold 10',
      'process cold 100',
      'backend thread',
      'cold-start thread',
      'memory thread',
      'backend process',
      'cold-start process',
      'memory process'
    ])
    const first = steps[0]
    expect(first.kind === 'size' && first.config).toEqual({
      ...base,
      range: { start: 0, end: 10 },
      workers: [1, 2],
      backend: 'thread',
      pool: 'warm'
    })
    // Without compared backends the sweep runs on the base backend only.
    expect(studyPlan({ base, sizes: [10] }).map((s) => s.kind)).toEqual(['size', 'size'])
  })

  it('weights steps by the work they do', () => {
    const [small, big] = studyPlan({ base, sizes: [1000, 1_000_000_000] })
    expect(estimateStepMs(big, 2)).toBeGreaterThan(50 * estimateStepMs(small, 2))
  })
})

describe('analyzeStudy', () => {
  const a = analyzeStudy(syntheticStudy())

  it('marks the winner per size and interpolates the break-even in log size', () => {
    const [sweep] = a.sizeSweeps
    expect(sweep).toMatchObject({ backend: 'process', pool: 'warm', workers: 2 })
    expect(sweep.points.map((p) => p.winner)).toEqual(['one', 'one', 'many', 'many'])
    expect(sweep.points.map((p) => p.clear)).toEqual([true, true, true, true])
    expect(sweep.points[2].speedup.speedup).toBeCloseTo(8 / 4.6, 12)
    // ln(T2/T1) = ln 1.4 at 10^5 and ln(4.6/8) at 10^6: linear in log10 size between them.
    const r0 = Math.log(1.4)
    const r1 = Math.log(4.6 / 8)
    const expected = 10 ** (5 + r0 / (r0 - r1))
    expect(sweep.breakEven.status).toBe('crosses')
    expect(sweep.breakEven.size).toBeCloseTo(expected, 6)
    expect(sweepMessage(sweep)).toContain(
      `process, warm pool: 2 workers first beat 1 at about ${Number(expected.toPrecision(2)).toLocaleString('en-US')} elements (between 100,000 and 1,000,000`
    )
  })

  it('reads the backends side by side with start cost and memory', () => {
    const c = a.backendComparison!
    expect(c.headlineWorkers).toBe(2)
    expect(c.backends.map((b) => [b.backend, b.coldStartMs])).toEqual([
      ['process', 40],
      ['thread', 40]
    ])
    expect(comparisonMessage(c)).toContain('At 2 workers the speedup was process 1.9 ± ')
    expect(comparisonMessage(c)).toContain('thread 1.95 ± ')
    expect(comparisonMessage(c)).toContain(
      'JavaScript worker threads each run their own V8 isolate'
    )
    expect(comparisonMessage(c)).toContain(
      'process 48 MiB RSS (PSS 12 MiB), thread 8 MiB (engine RSS growth)'
    )
    expect(c.headline.map((x) => x.backend)).toEqual(['process', 'thread'])
    expect(c.threads).toBe('adds-throughput')
    expect(a.verdict).toEqual([
      { code: 'break-even', sweep: a.sizeSweeps[0] },
      { code: 'backend-comparison', comparison: c }
    ])
  })

  it('says where the break-even lies when the sweep does not cross, or crosses the wrong way', () => {
    const study = syntheticStudy()
    const never = analyzeStudy({ ...study, backendRuns: [], sizeRuns: study.sizeRuns.slice(0, 2) })
    expect(never.sizeSweeps[0].breakEven.status).toBe('never')
    expect(never.verdict.map((f) => studyFindingMessage(f))).toEqual([
      'process, warm pool: 2 workers never beat 1 up to 100,000 elements: the break-even lies above it.'
    ])
    const [, , win] = study.sizeRuns
    const [lose] = study.sizeRuns
    const backwards = analyzeStudy({
      ...study,
      backendRuns: [],
      sizeRuns: [
        { ...win, size: 1000 },
        { ...lose, size: 1_000_000 }
      ]
    })
    expect(backwards.sizeSweeps[0].breakEven).toMatchObject({ status: 'mixed', size: null })
    expect(studyFindingMessage(backwards.verdict[0])).toContain('no break-even can be placed')
  })

  it('charges one worker for all N shares when the workload grows with N', () => {
    const study = syntheticStudy()
    const weak: StudyRecord = {
      ...study,
      backendRuns: [],
      sizeRuns: study.sizeRuns.map((r) => ({
        ...r,
        run: { ...r.run, config: { ...r.run.config, workload: 'weak' } }
      }))
    }
    const [sweep] = analyzeStudy(weak).sizeSweeps
    expect(sweep.points[0].t1.value).toBeCloseTo(2 * 0.2, 12)
    expect(sweep.points.map((p) => p.winner)).toEqual(['one', 'many', 'many', 'many'])
  })
})
