/**
 * Issue 19: internal names never reach the user, in the report layer's
 * words either. Runs and studies of every shape (the sum split, replicate
 * and cold, a job too small to time, outliers and a trend, more workers than
 * cores, the wait, your command, a size sweep with a backend comparison, the
 * network cost) are analysed, every finding, warning, verdict, method rule,
 * study step and comparison is worded by the catalogs in English and Korean,
 * and the HTML reports' visible text is read: none may show a raw identifier
 * (the rule of tests/helpers/rawIdentifiers.ts).
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun, analyzeStudy } from '../../../src/shared/analysis'
import { compareRuns } from '../../../src/shared/analysis/compareRuns'
import { defaultCommandSettings } from '../../../src/shared/command/commandSettings'
import {
  backendComparisonText,
  contentionText,
  findingText,
  gustafsonText,
  karpFlattText,
  methodRulesText,
  methodText,
  modelsText,
  networkCostText,
  networkDifferenceText,
  REPORT_LANGUAGES,
  runVerdictText,
  stepLabelText,
  sweepText,
  warningText,
  whereText
} from '../../../src/shared/report'
import { comparisonSummary, comparisonRows } from '../../../src/shared/report/comparisonWords'
import { runsToHtml, studyToHtml } from '../../../src/shared/report/exporters/html/htmlReport'
import { studyPlan, type StudyRecord } from '../../../src/shared/study'
import type { RunRecord } from '../../../src/shared/result'
import { networkCostStudy } from '../../helpers/networkCostRuns'
import { rawIdentifiers } from '../../helpers/rawIdentifiers'
import { syntheticRun, syntheticStudy } from '../../helpers/syntheticRun'

const around = (center: number, spread: number, n = 6): number[] =>
  Array.from({ length: n }, (_, i) => center + spread * (((i * 7) % n) / (n - 1) - 0.5) * 2)

/** Runs of every shape the words depend on. */
function runs(): RunRecord[] {
  return [
    syntheticRun([
      { workers: 1, wallMs: around(1000, 3) },
      { workers: 2, wallMs: around(518, 2) },
      { workers: 4, wallMs: around(500, 30) }
    ]),
    // Outliers both ways and a trend.
    syntheticRun([
      { workers: 1, wallMs: [1000, 1012, 1019, 1035, 1041, 1058, 1066, 1080, 1089, 1500] },
      { workers: 2, wallMs: [600, 601, 599, 600, 602, 598, 450, 600, 601, 600] }
    ]),
    // Too small to time, on a cold pool.
    syntheticRun(
      [
        { workers: 1, wallMs: [0.474, 0.5, 0.49], computeMs: [[0.012], [0.012], [0.012]] },
        {
          workers: 2,
          wallMs: [0.3, 0.31, 0.29],
          computeMs: [
            [0.006, 0.006],
            [0.006, 0.006],
            [0.006, 0.006]
          ],
          spawnMs: [40, 41, 39]
        }
      ],
      { pool: 'cold', range: { start: 0, end: 10 } }
    ),
    syntheticRun(
      [
        { workers: 1, wallMs: around(100, 1) },
        { workers: 2, wallMs: around(102, 1) },
        { workers: 4, wallMs: around(104, 1) }
      ],
      { workload: 'replicate', backend: 'thread' }
    ),
    syntheticRun(
      [
        { workers: 1, wallMs: around(161, 0.5) },
        { workers: 8, wallMs: around(21, 0.2) }
      ],
      { job: 'wait', wait: { requests: 16, delayMs: 10 }, backend: 'async' }
    ),
    syntheticRun(
      [
        { workers: 1, wallMs: around(200, 2) },
        { workers: 2, wallMs: around(110, 2) }
      ],
      {
        job: 'command',
        workload: 'replicate',
        command: { ...defaultCommandSettings('copies'), line: 'gzip -c part{index}.bin' }
      }
    )
  ]
}

function studies(): StudyRecord[] {
  return [syntheticStudy(), networkCostStudy()]
}

/** Every text the report layer words from a run, in one language. */
function runTexts(run: RunRecord, language: 'en' | 'ko'): string[] {
  const a = analyzeRun(run)
  return [
    runVerdictText(run, a, language),
    ...a.warnings.map((w) => warningText(w, language)),
    ...(a.karpFlatt ? [karpFlattText(a.karpFlatt, language)] : []),
    modelsText(a.models, language),
    ...(a.gustafson ? [gustafsonText(a.gustafson, language)] : []),
    contentionText(a.contention, language) ?? '',
    ...methodRulesText(a, language),
    methodText(a.method, language)
  ]
}

function studyTexts(study: StudyRecord, language: 'en' | 'ko'): string[] {
  const a = analyzeStudy(study)
  return [
    ...a.verdict.map((f) => findingText(f, language)),
    ...a.sizeSweeps.map((s) => sweepText(s, language)),
    ...(a.backendComparison ? [backendComparisonText(a.backendComparison, language)] : []),
    ...a.networkCost.flatMap((c) => [
      networkCostText(c, language),
      networkDifferenceText(c, language)
    ]),
    ...a.warnings.flatMap((w) => [whereText(w.source, language), warningText(w.warning, language)]),
    ...studyPlan(study.config).map((step) => stepLabelText(step, language))
  ]
}

/** An HTML report's visible text: no style, script, tags or attributes. */
const visibleText = (html: string): string =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')

describe('the report layer’s words show no internal names', () => {
  for (const language of REPORT_LANGUAGES) {
    it(`${language}: runs, studies and a comparison across backend and pool`, () => {
      const texts = [
        ...runs().flatMap((r) => runTexts(r, language)),
        ...studies().flatMap((s) => studyTexts(s, language))
      ]
      const [base] = runs()
      const other = {
        ...base,
        id: 'other',
        config: { ...base.config, backend: 'thread' as const, pool: 'cold' as const }
      }
      const c = compareRuns(base, other)
      if (c.ok)
        texts.push(
          ...comparisonSummary(c.value, language),
          ...comparisonRows(c.value, language).flat()
        )
      expect(texts.length).toBeGreaterThan(40)
      const found = texts.flatMap((t) =>
        rawIdentifiers(t, language).map((raw) => `“${raw}” in “${t}”`)
      )
      expect(found).toEqual([])
    })

    it(`${language}: the HTML reports’ visible text`, () => {
      const html = [
        runsToHtml(runs(), { language }),
        ...studies().map((s) => studyToHtml(s, analyzeStudy(s), { language }))
      ]
      const found = html.flatMap((h) => {
        const text = visibleText(h)
        return rawIdentifiers(text, language).map((raw) => {
          const at = text.search(new RegExp(`(?<![A-Za-z(-])${raw}(?![A-Za-z-])`))
          return `“${raw}” in “…${text.slice(Math.max(0, at - 60), at + 40).replace(/\s+/g, ' ')}…”`
        })
      })
      expect(found).toEqual([])
    })
  }
})
