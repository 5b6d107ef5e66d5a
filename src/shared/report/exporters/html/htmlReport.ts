/**
 * The HTML report: one self-contained file a person can open from disk in
 * any browser. The verdict, the tables, the same charts as the app (inline
 * SVG), the system and the method, for a run (or several), a study or a
 * comparison, in English or Korean. Its Content-Security-Policy allows
 * nothing to be fetched; Korean renders from the embedded font (fontFaces.ts).
 */
import type { RunSummary } from '../../../history'
import type { RunAnalysis, StudyAnalysis } from '../../../analysis'
import { analyzeRun } from '../../../analysis/analyzeRun'
import { compareKernels } from '../../../analysis/kernelComparison'
import type { RunComparison } from '../../../analysis/compareRuns'
import type { RunRecord } from '../../../result'
import type { StudyRecord } from '../../../study'
import type { SystemInfo } from '../../../system'
import { formatFixed, formatPercent } from '../../../format'
import {
  backendComparisonText,
  workloadComparisonText,
  findingText,
  gustafsonText,
  karpFlattText,
  kernelSentences,
  methodRulesText,
  methodText,
  modelsText,
  networkCostText,
  runVerdictText,
  sweepText,
  warningText,
  whereText
} from '../../findings'
import { comparisonSummary } from '../../comparisonWords'
import { jobLine } from '../../jobLine'
import { REPORT_WORDS, type ReportWords } from '../../catalog/words'
import type { ReportLanguage } from '../../language'
import { escapeHtml, tableToHtml } from '../../table'
import {
  backendCostTable,
  backendSideTable,
  comparisonTable,
  kernelTable,
  networkBreakEvenTable,
  networkCostTable,
  overheadTable,
  runResultsTable,
  sizeSweepTable,
  workloadComparisonTable,
  sweepLabel
} from '../../tables'
import { embeddedFontCss, type FontSource } from './fontFaces'
import { sizeSpeedupChart, speedupChart, timelineChart, wallTimeChart } from './svgCharts'

export interface HtmlOptions {
  language: ReportLanguage
  /** The bundled font's chunks (Node reads them); without it Korean falls back to the system's fonts. */
  fonts?: FontSource
  /** The app's version, for the footer. */
  version?: string
  /** The stored runs, where a contended run's reference point is found. */
  history?: readonly RunSummary[]
}

const FONT_FAMILY = 'Noto Sans KR Variable'

const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--card:#f6f8fa;--good:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'${FONT_FAMILY}',sans-serif}
html:lang(ko) body{font-family:'${FONT_FAMILY}',system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;word-break:keep-all}
main{max-width:1080px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1.05rem;margin:20px 0 6px}
.meta{color:var(--muted);margin:0}
.verdict{background:var(--card);border-left:4px solid var(--good);padding:12px 16px;margin:16px 0;font-size:1.05rem}
.verdict.bad{border-left-color:var(--bad)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
figure.chart{margin:0;padding:12px;border:1px solid var(--line);border-radius:8px;background:#fff}
figure.chart figcaption{font-size:.9rem;color:var(--muted);margin-bottom:6px}
figure.chart figcaption strong{color:var(--fg);display:block}
figure.chart svg{width:100%;height:auto;display:block}
svg .grid{stroke:#eaeef2}svg .axis{stroke:#57606a}svg text{font-size:12px;fill:#57606a;font-family:inherit}svg .label{fill:#1b1f24}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:.85rem;color:var(--muted);margin-top:4px}
.legend .key{display:inline-flex;align-items:center;gap:4px}
.table{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;font-size:.88rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--card)}
.num{text-align:right}
.note{color:var(--muted);font-size:.88rem;margin:4px 0}
ul.findings{padding-left:20px}ul.findings li{margin:4px 0}
dl.system{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dl.system dt{color:var(--muted)}dl.system dd{margin:0}
footer{color:var(--muted);font-size:.8rem;margin-top:40px;border-top:1px solid var(--line);padding-top:8px}
@media print{.charts{grid-template-columns:1fr}figure.chart{break-inside:avoid}}
`

const p = (text: string, cls?: string): string =>
  `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`
const list = (items: string[], none: string): string =>
  items.length
    ? `<ul class="findings">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    : p(none)
const h = (level: number, text: string, id?: string): string =>
  `<h${level}${id ? ` id="${id}"` : ''}>${escapeHtml(text)}</h${level}>`

/** The whole file around a body: the policy that forbids fetching anything, the style, the font. */
function documentOf(title: string, body: string, options: HtmlOptions): string {
  const w = REPORT_WORDS[options.language]
  const footer = `<footer>${escapeHtml(w.footer(options.version ?? ''))}</footer>`
  const text = `${title}${body}${footer}`.replace(/<[^>]*>/g, '')
  // Only a report with Hangul in it carries the font; others use the system's fonts.
  const chunks = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text)
    ? (options.fonts?.() ?? [])
    : []
  const fonts = chunks.length ? embeddedFontCss(chunks, text) : ''
  return (
    `<!doctype html>\n<html lang="${options.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="Speedup Lab${options.version ? ` ${escapeHtml(options.version)}` : ''}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${fonts}\n${STYLE}</style>\n</head>\n` +
    `<body><main>${body}${footer}</main></body>\n</html>\n`
  )
}

function systemBlock(s: SystemInfo, w: ReportWords): string {
  const rows: [string, string][] = [
    ['CPU', s.cpuModel],
    [
      w.section.system,
      w.system(
        s.cpuModel,
        s.logicalCores,
        s.availableParallelism,
        `${s.os} ${s.arch}`,
        s.nodeVersion
      )
    ],
    ...(s.appVersion ? ([['Speedup Lab', s.appVersion]] as [string, string][]) : []),
    ...(s.electronVersion ? ([['Electron', s.electronVersion]] as [string, string][]) : []),
    ...(s.cluster
      ? ([
          [
            w.cluster,
            `${s.cluster.server} · ${s.cluster.agents
              .map(
                (a) =>
                  `${a.name} (${a.host}, ${a.cores}, ${a.workers} ${a.kind}, RTT ${formatFixed(a.rttMs, 2)} ms)`
              )
              .join(' · ')}`
          ]
        ] as [string, string][])
      : [])
  ]
  return `<dl class="system">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
}

function configLine(run: RunRecord, w: ReportWords, language: ReportLanguage): string {
  const c = run.config
  return `${jobLine(c, language)} · ${w.config.reps(c.warmup, c.reps)}`
}

/** The three charts of a run (or of two runs side by side, for a comparison). */
/** A run's speedups for a chart: each with its 95% interval, none at one worker (T1 itself). */
const speedupPoints = (analysis: RunAnalysis) =>
  analysis.workers.map((x) => ({
    workers: x.workers,
    speedup: x.speedup.speedup,
    low: x.workers === 1 ? null : (x.speedupInterval?.lower ?? null),
    high: x.workers === 1 ? null : (x.speedupInterval?.upper ?? null)
  }))

function runCharts(
  runs: { label: string; run: RunRecord; analysis: RunAnalysis }[],
  w: ReportWords
): string {
  const c = w.chart
  const first = runs[0]
  const weak = first.analysis.speedupDefinition === 'N·T1/TN'
  const speedup = speedupChart(
    runs.map(({ label, analysis }) => ({
      label,
      points: speedupPoints(analysis)
    })),
    {
      title: c.speedup,
      description: c.speedupDesc,
      xLabel: c.workers,
      yLabel: weak ? `${c.speedupAxis} N·T1/TN` : c.speedupAxis,
      ideal: c.ideal,
      idealLine: true
    }
  )
  const wall = wallTimeChart(
    runs.map(({ label, analysis }) => ({
      label,
      points: analysis.workers.map((x) => ({
        workers: x.workers,
        medianMs: x.medianMs,
        minMs: x.minMs,
        maxMs: x.maxMs
      }))
    })),
    { title: c.wallTime, description: c.wallTimeDesc, xLabel: c.workers, yLabel: c.wallAxis }
  )
  const last = first.run.results[first.run.results.length - 1]
  const sample = last?.samples[last.samples.length - 1]
  const timeline = sample?.workers.length
    ? timelineChart(sample.workers, {
        title: c.timeline(last.workers),
        description: c.timelineDesc,
        xLabel: c.timeAxis,
        yLabel: '',
        phase: c.phase,
        worker: c.worker
      })
    : ''
  return `<div class="charts">${speedup}${wall}${timeline}</div>`
}

function runBody(
  run: RunRecord,
  analysis: RunAnalysis,
  language: ReportLanguage,
  level: number
): string {
  const w = REPORT_WORDS[language]
  const models = [modelsText(analysis.models, language)]
  if (analysis.karpFlatt) models.push(karpFlattText(analysis.karpFlatt, language))
  if (analysis.gustafson) models.push(gustafsonText(analysis.gustafson, language))
  const network = analysis.workers.some((x) => x.overhead.networkMs !== null)
  return [
    h(level, w.section.charts),
    runCharts([{ label: w.chart.measured, run, analysis }], w),
    h(level, w.section.results),
    tableToHtml(runResultsTable(run, analysis, 'document', language)),
    h(level, w.section.overhead),
    p(w.overhead.intro + (network ? w.overhead.networkIntro : ''), 'note'),
    tableToHtml(overheadTable(analysis, language)),
    h(level, w.section.models),
    list(models, w.none),
    h(level, w.section.warnings),
    list(
      analysis.warnings.map((x) => `${w.warningAt(null, x.workers)}: ${warningText(x, language)}`),
      w.none
    )
  ].join('\n')
}

/** One run (or several, one after another) as an HTML report. */
export function runsToHtml(runs: readonly RunRecord[], options: HtmlOptions): string {
  const w = REPORT_WORDS[options.language]
  const parts = runs.map((run) => {
    const analysis = analyzeRun(run, { history: options.history })
    const bad = analysis.verdict.code === 'wrong-total'
    return [
      `<section class="run" data-run-id="${escapeHtml(run.id)}">`,
      runs.length > 1 ? h(2, w.runLine(run.id, run.startedAt)) : '',
      p(configLine(run, w, options.language), 'meta'),
      runs.length > 1 ? '' : p(w.runLine(run.id, run.startedAt), 'meta'),
      h(runs.length > 1 ? 3 : 2, w.section.verdict),
      `<div class="verdict${bad ? ' bad' : ''}" data-verdict="${analysis.verdict.code}">${escapeHtml(runVerdictText(run, analysis, options.language))}</div>`,
      runBody(run, analysis, options.language, runs.length > 1 ? 3 : 2),
      h(runs.length > 1 ? 3 : 2, w.section.system),
      systemBlock(run.system, w),
      h(runs.length > 1 ? 3 : 2, w.section.method),
      `<ul class="method">${methodRulesText(analysis, options.language)
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul>`,
      p(
        methodText(analysis.method, options.language) +
          (analysis.baselineMeasured ? '' : w.baselineMissing)
      ),
      `</section>`
    ].join('\n')
  })
  return documentOf(w.title.run, `${h(1, w.title.run)}${parts.join('\n')}`, options)
}

/** A study as an HTML report: the verdict, each size sweep with its chart, the backends, the kernels. */
export function studyToHtml(
  study: StudyRecord,
  analysis: StudyAnalysis,
  options: HtmlOptions
): string {
  const lang = options.language
  const w = REPORT_WORDS[lang]
  const base = study.config.base
  const body: string[] = [
    h(1, w.title.study),
    // A command's sweep names the command (its line, shape and workload).
    p(
      `${base.command ? jobLine(base, lang) : w.config.workload(base.workload)} · ${w.config.perPoint(base.warmup, base.reps)}`,
      'meta'
    ),
    p(w.studyLine(study.id, study.startedAt), 'meta'),
    h(2, w.section.verdict),
    `<div class="verdict${study.correct ? '' : ' bad'}">${list(
      analysis.verdict.map((f) => findingText(f, lang)),
      w.none
    )}</div>`
  ]
  for (const s of analysis.sizeSweeps) {
    const label = sweepLabel(s, lang)
    body.push(
      h(2, w.section.sweep(label)),
      p(sweepText(s, lang)),
      `<div class="charts">${sizeSpeedupChart(
        s.points.map((x) => ({
          size: x.size,
          speedup: x.speedup.speedup,
          error: x.speedup.speedupError
        })),
        {
          title:
            s.job === 'command'
              ? w.chart.commandSizeSpeedup
              : w.chart.sizeSpeedup(w.config.backend(s.backend), w.config.pool(s.pool)),
          description: w.chart.sizeSpeedupDesc,
          xLabel: s.job === 'command' ? w.chart.commandSize : w.chart.size,
          yLabel: w.chart.speedupAxis
        }
      )}</div>`,
      p(w.sweep.intro, 'note'),
      tableToHtml(sizeSweepTable(s, base.workload, lang))
    )
  }
  const kernels = compareKernels(study, analysis)
  if (kernels) {
    const table = kernelTable(kernels, lang)
    body.push(
      h(2, table.title ?? ''),
      tableToHtml({ ...table, title: undefined }),
      list(kernelSentences(kernels, lang), '')
    )
  }
  for (const cost of analysis.networkCost) {
    body.push(
      h(
        2,
        w.section.network(
          `${sweepLabel({ kernel: cost.kernel, pool: cost.pool }, lang)}, ${w.config.backend(cost.local.backend)} + ${w.config.backend('cluster')}`
        )
      ),
      p(networkCostText(cost, lang)),
      p(w.network.intro(cost.workers), 'note'),
      tableToHtml(networkCostTable(cost, lang)),
      tableToHtml(networkBreakEvenTable(cost, lang))
    )
  }
  const c = analysis.backendComparison
  if (c) {
    const cluster = c.backends.some((b) => b.backend === 'cluster')
    body.push(
      h(2, w.section.backends(cluster)),
      p(backendComparisonText(c, lang)),
      runCharts(
        c.backends.map((b) => ({
          label: w.config.backend(b.backend),
          run: study.backendRuns.find((r) => r.backend === b.backend)!.run,
          analysis: b.analysis
        })),
        w
      ),
      p(w.backends.intro, 'note'),
      tableToHtml(backendSideTable(c, lang)),
      tableToHtml(backendCostTable(c, lang))
    )
  }
  const workloads = analysis.workloadComparison
  if (workloads) {
    const c = w.chart
    body.push(
      h(2, w.section.workloads),
      p(workloadComparisonText(workloads, lang)),
      `<div class="charts">${speedupChart(
        workloads.series.map((s) => ({
          label: `${w.config.job(s.job)} · ${w.config.backend(s.backend)}`,
          points: speedupPoints(s.analysis)
        })),
        {
          title: c.speedup,
          description: c.speedupDesc,
          xLabel: c.workers,
          yLabel: c.speedupAxis,
          ideal: c.ideal,
          idealLine: true
        }
      )}</div>`,
      tableToHtml(workloadComparisonTable(workloads, lang))
    )
  }
  body.push(
    h(2, w.section.warnings),
    list(
      analysis.warnings.map(
        (x) =>
          `${w.warningAt(whereText(x.source, lang), x.warning.workers)}: ${warningText(x.warning, lang)}`
      ),
      w.none
    ),
    h(2, w.section.system),
    systemBlock(study.system, w),
    h(2, w.section.method),
    p(methodText(analysis.method, lang) + w.studyMethod)
  )
  return documentOf(w.title.study, body.join('\n'), options)
}

/** Both runs' speedup and median wall time per worker count, from the comparison's rows. */
function comparisonCharts(c: RunComparison, w: ReportWords): string {
  const cw = w.comparison
  const side = (pick: 'baseline' | 'candidate') =>
    c.rows.map((r) => ({ workers: r.workers, figures: r[pick] }))
  const label = (head: string): string => head.replace(/\s*\(ms\)$/, '')
  const names = { baseline: label(cw.baselineMedian), candidate: label(cw.candidateMedian) }
  const speedup = speedupChart(
    (['baseline', 'candidate'] as const).map((k) => ({
      label: names[k],
      points: side(k).map(({ workers, figures }) => ({
        workers,
        speedup: workers === 1 ? 1 : (figures.speedup ?? Number.NaN),
        low: null,
        high: null
      }))
    })),
    {
      title: w.chart.speedup,
      description: w.chart.speedupDesc,
      xLabel: w.chart.workers,
      yLabel: w.chart.speedupAxis,
      ideal: w.chart.ideal,
      idealLine: true
    }
  )
  const wall = wallTimeChart(
    (['baseline', 'candidate'] as const).map((k) => ({
      label: names[k],
      points: side(k).map(({ workers, figures }) => ({
        workers,
        medianMs: figures.medianMs,
        minMs: figures.medianMs,
        maxMs: figures.medianMs
      }))
    })),
    { title: w.chart.wallTime, description: '', xLabel: w.chart.workers, yLabel: w.chart.wallAxis }
  )
  return `<div class="charts">${speedup}${wall}</div>`
}

/** A comparison as an HTML report: both runs' charts side by side, the table, the verdicts. */
export function comparisonToHtml(
  c: RunComparison,
  options: HtmlOptions,
  system?: SystemInfo
): string {
  const lang = options.language
  const w = REPORT_WORDS[lang]
  const cw = w.comparison
  const cfg = c.baseline.config
  const notes = [
    ...c.differences.map((d) => cw.across(d.field, d.baseline, d.candidate)),
    ...(c.onlyInBaseline.length ? [cw.onlyBaseline(c.onlyInBaseline.join(', '))] : []),
    ...(c.onlyInCandidate.length ? [cw.onlyCandidate(c.onlyInCandidate.join(', '))] : [])
  ]
  const body = [
    h(1, w.title.comparison),
    p(cw.line(c.baseline.id, c.baseline.startedAt, c.candidate.id, c.candidate.startedAt), 'meta'),
    p(
      cw.settings(
        `${cfg.range.start} … ${cfg.range.end}`,
        cfg.workload,
        formatPercent(c.confidence, 'en', 0),
        c.resamples,
        c.seed,
        formatPercent(c.threshold)
      ),
      'meta'
    ),
    h(2, w.section.verdict),
    `<div class="verdict">${list(comparisonSummary(c, lang), w.none)}</div>`,
    h(2, w.section.charts),
    comparisonCharts(c, w),
    h(2, w.section.results),
    tableToHtml(comparisonTable(c, lang)),
    ...(notes.length ? [h(2, w.section.notes), list(notes, w.none)] : []),
    ...(system ? [h(2, w.section.system), systemBlock(system, w)] : [])
  ]
  return documentOf(w.title.comparison, body.join('\n'), options)
}
