import { describe, expect, it } from 'vitest'
import {
  backendComparisonText as comparisonMessage,
  findingText as studyFindingMessage,
  gustafsonText as gustafsonMessage,
  karpFlattText as karpFlattMessage,
  modelsText as modelsMessage,
  sweepText as sweepMessage,
  warningText as warningMessage
} from '../../src/shared/report'
import {
  analyzeRun,
  analyzeStudy,
  karpFlattSeries,
  scalingWarnings
} from '../../src/shared/scaling'
import type { KarpFlattPoint, ScalingWarning } from '../../src/shared/scaling'
import {
  backendComparisonText as comparisonText,
  gustafsonText,
  karpFlattText,
  modelsText,
  stepLabelText,
  sweepText,
  verdictText,
  warningText,
  whereText
} from '../../src/shared/report'
import { defaultRunConfig } from '../../src/shared/config'
import { describeStep, stepInfoOf, studyPlan, type StudyConfig } from '../../src/shared/study'
import { syntheticRun, syntheticStudy } from '../helpers/syntheticRun'

const HANGUL = /[\uac00-\ud7a3]/

/** The numbers a sentence states ("1,000,000", "0.042", "95"), as written. */
const numbers = (text: string): string[] => text.match(/\d+(?:[.,]\d+)*/g) ?? []

/** English as the analysis wrote it; Korean in Korean, with every number English gives. */
function expectSameNumbers(english: string, korean: string): void {
  expect(korean, english).toMatch(HANGUL)
  for (const number of numbers(english))
    expect(korean, `${number} of: ${english}`).toContain(number)
}

function warningsOf(): ScalingWarning[] {
  return [
    ...scalingWarnings({ workers: 8, wallMs: [10, 10, 10], logicalCores: 2 }),
    ...scalingWarnings({ workers: 2, wallMs: [5, 5.1, 4.9], spawnMs: 40, jobMs: 5 }),
    ...scalingWarnings({ workers: 1, wallMs: [100, 101, 99, 100, 300, 100, 101] }),
    ...scalingWarnings({ workers: 1, wallMs: [200, 100, 101, 99, 100, 100] }),
    ...scalingWarnings({ workers: 1, wallMs: [100, 104, 109, 113, 118, 122, 127, 131] }),
    ...scalingWarnings({ workers: 1, wallMs: [131, 127, 122, 118, 113, 109, 104, 100] }),
    ...scalingWarnings({ workers: 1, wallMs: [50, 150, 60, 140, 70, 130] })
  ]
}

describe('analysis sentences in Korean', () => {
  it('says every warning in Korean with its numbers, and English as the analysis did', () => {
    const warnings = warningsOf()
    const codes = new Set(warnings.map((w) => w.code))
    for (const code of [
      'more-workers-than-cores',
      'job-shorter-than-spawn',
      'outliers',
      'slow-first-repetition',
      'trend',
      'wide-interval'
    ]) {
      expect(codes, code).toContain(code)
    }
    expect(
      new Set(
        warnings.filter((w) => w.code === 'trend').map((w) => 'direction' in w && w.direction)
      ).size
    ).toBe(2)
    for (const w of warnings) {
      expect(warningText(w, 'en')).toBe(warningMessage(w))
      const korean = warningText(w, 'ko')
      if (w.code === 'outliers') {
        // Korean names the outlying repetitions and their times; not the count of all of them.
        expect(korean).toMatch(HANGUL)
        for (const rep of w.repetitions) expect(korean).toContain(`#${rep}`)
      } else {
        expectSameNumbers(warningMessage(w), korean)
      }
    }
  })

  it('says the models, Karp–Flatt and Gustafson in Korean', () => {
    const runs = [
      // A fixed job on 1…4 workers with a real serial part, on 4 cores.
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 101, 99] },
          { workers: 2, wallMs: [55, 56, 54] },
          { workers: 3, wallMs: [40, 41, 39] },
          { workers: 4, wallMs: [33, 34, 32] }
        ],
        {},
        4
      ),
      // The same on 2 cores: 3 and 4 drawn, not fitted.
      syntheticRun([
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 2, wallMs: [55, 56, 54] },
        { workers: 3, wallMs: [40, 41, 39] },
        { workers: 4, wallMs: [33, 34, 32] }
      ]),
      // Speedups within the noise: not enough evidence.
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 101, 99] },
          { workers: 2, wallMs: [99, 104, 96] },
          { workers: 4, wallMs: [98, 103, 97] }
        ],
        {},
        4
      ),
      // Significant, but no serial fraction explains 2.00× at 2 and 2.50× at 4.
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 100.5, 99.5] },
          { workers: 2, wallMs: [50, 50.2, 49.8] },
          { workers: 4, wallMs: [40, 40.2, 39.8] }
        ],
        {},
        4
      ),
      // Two and three workers slower than one: overhead dominates, no fit.
      syntheticRun([
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 2, wallMs: [120, 121, 119] },
        { workers: 3, wallMs: [140, 141, 139] }
      ]),
      // One worker count above one: no fit.
      syntheticRun([
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 2, wallMs: [55, 56, 54] }
      ]),
      // The tutorial's shape: weak scaling.
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 101, 99] },
          { workers: 2, wallMs: [104, 105, 103] }
        ],
        { workload: 'replicate' }
      )
    ]
    for (const run of runs) {
      const a = analyzeRun(run)
      expect(modelsText(a.models, 'en')).toBe(modelsMessage(a.models))
      expectSameNumbers(modelsMessage(a.models), modelsText(a.models, 'ko'))
      if (a.karpFlatt) {
        expect(karpFlattText(a.karpFlatt, 'en')).toBe(karpFlattMessage(a.karpFlatt))
        expectSameNumbers(karpFlattMessage(a.karpFlatt), karpFlattText(a.karpFlatt, 'ko'))
      }
      if (a.gustafson) {
        expect(gustafsonText(a.gustafson, 'en')).toBe(gustafsonMessage(a.gustafson))
        expectSameNumbers(gustafsonMessage(a.gustafson), gustafsonText(a.gustafson, 'ko'))
      }
    }
    // Every models code is worded.
    expect(new Set(runs.map((run) => analyzeRun(run).models.code))).toEqual(
      new Set([
        'fitted',
        'slower-than-one',
        'too-few-worker-counts',
        'weak-scaling',
        'not-significant',
        'poor-fit'
      ])
    )
  })

  it('follows every Karp–Flatt trend', () => {
    const point = (workers: number, serialFraction: number, error: number | null = 0.001) =>
      ({ workers, serialFraction, error }) as KarpFlattPoint
    const series = [
      [],
      [point(2, 0.1)],
      [point(2, 0.1, null), point(4, 0.2, null)],
      [point(2, 0.05), point(4, 0.1), point(8, 0.2)],
      [point(2, 0.2), point(4, 0.1), point(8, 0.05)],
      [point(2, 0.0002), point(4, 0.0003), point(8, 0.0002)],
      [point(2, 0.1), point(4, 0.1002), point(8, 0.0999)]
    ].map((points) =>
      karpFlattSeries(
        points.map((p) => ({
          workers: p.workers,
          speedup: p.workers / (1 + p.serialFraction * (p.workers - 1)),
          error: p.error === null ? undefined : 0.001
        }))
      )
    )
    const trends = new Set(series.map((s) => s.trend))
    expect([...trends].sort()).toEqual(['flat', 'growing', 'insufficient', 'shrinking'])
    for (const s of series) expectSameNumbers(karpFlattMessage(s), karpFlattText(s, 'ko'))
  })

  it('says a study’s break-even, backends and verdict in Korean', () => {
    const study = syntheticStudy()
    const analysis = analyzeStudy(study)
    expect(analysis.sizeSweeps.length).toBeGreaterThan(0)
    for (const sweep of analysis.sizeSweeps)
      expectSameNumbers(sweepMessage(sweep), sweepText(sweep, 'ko'))
    expectSameNumbers(
      comparisonMessage(analysis.backendComparison!),
      comparisonText(analysis.backendComparison!, 'ko')
    )
    // A wrong total is a finding too, worded in both languages.
    const wrong = analyzeStudy({
      ...study,
      correct: false,
      sizeRuns: study.sizeRuns.map((r, i) =>
        i === 0 ? { ...r, run: { ...r.run, correct: false } } : r
      )
    })
    expect(wrong.verdict[0]).toMatchObject({ code: 'wrong-total' })
    for (const a of [analysis, wrong]) {
      const english = a.verdict.map((f) => studyFindingMessage(f))
      expect(verdictText(a, 'en')).toEqual(english)
      const korean = verdictText(a, 'ko')
      expect(korean).toHaveLength(a.verdict.length)
      korean.forEach((sentence, i) => {
        expect(sentence).toMatch(HANGUL)
        expectSameNumbers(english[i], sentence)
      })
    }
  })

  it('words where a warning came from and what a study is doing from their data, not by parsing English', () => {
    expect(whereText({ backend: 'process', pool: 'cold', size: 10_000 }, 'ko')).toBe(
      '프로세스 · 콜드 풀 · 원소 10,000개'
    )
    expect(whereText({ backend: 'process', pool: 'cold', size: 10_000 }, 'en')).toBe(
      'process · cold · 10,000 elements'
    )
    expect(whereText({ backend: 'thread' }, 'ko')).toBe('스레드')
    expect(whereText({ backend: 'thread' }, 'en')).toBe('thread')
    const size = { kind: 'size', backend: 'thread', pool: 'warm', size: 1000 } as const
    expect(stepLabelText(size, 'ko')).toBe('크기 스윕 · 스레드 · 웜 풀 · 원소 1,000개')
    expect(stepLabelText({ kind: 'memory', backend: 'process' }, 'ko')).toBe(
      '메모리 측정 · 프로세스'
    )
    expect(stepLabelText({ kind: 'done' }, 'ko')).toBe('완료')
    // English is the same words the CLI's progress line prints (describeStep).
    const plan = studyPlan({
      base: { ...defaultRunConfig(2), range: { start: 0, end: 1000 } },
      sizes: [1000],
      backends: ['process']
    } as StudyConfig)
    for (const step of plan) {
      expect(stepLabelText(stepInfoOf(step), 'en')).toBe(describeStep(step))
    }
  })

  it('names the kernel of a kernel-comparison study point, in both languages (issue 10)', () => {
    const source = { backend: 'process', pool: 'warm', size: 10_000, kernel: 'wasm' } as const
    expect(whereText(source, 'en')).toBe('wasm kernel · process · warm · 10,000 elements')
    expect(whereText(source, 'ko')).toBe('wasm 커널 · 프로세스 · 웜 풀 · 원소 10,000개')
    const plan = studyPlan({
      base: { ...defaultRunConfig(2), range: { start: 0, end: 1000 } },
      sizes: [1000],
      kernels: ['js', 'wasm']
    } as StudyConfig)
    const sizeSteps = plan.filter((s) => s.kind === 'size')
    expect(sizeSteps.map((s) => stepInfoOf(s)).map((i) => 'kernel' in i && i.kernel)).toEqual(
      expect.arrayContaining(['js', 'wasm'])
    )
    for (const step of sizeSteps) {
      expect(stepLabelText(stepInfoOf(step), 'en')).toBe(describeStep(step))
      expect(stepLabelText(stepInfoOf(step), 'ko')).toMatch(/^크기 스윕 · (js|wasm) 커널 · /)
    }
  })
})
