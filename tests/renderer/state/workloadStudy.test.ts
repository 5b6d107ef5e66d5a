/**
 * CPU vs waiting in the Scaling tab (issue 17): the study the app sends is
 * the CLI's --compare-workloads (the same studyConfigSchema, the same
 * studyPlan, run by the same runStudy in main), on 1 … 16× the cores; the
 * Tutorial preset offers it; its graph draws both speedups with the cores
 * marked, and its oversubscription follows the analysis per workload.
 */
import { describe, expect, it } from 'vitest'
import { studyConfigSchema, studyPlan, type StudyConfig } from '../../../src/shared/study'
import { parseCli } from '../../../src/cli/options'
import { analyzeStudy } from '../../../src/shared/analysis/analyzeStudy'
import type { RunBackend } from '../../../src/shared/config'
import { RunForm } from '../../../src/renderer/src/lib/state/runForm.svelte'
import { workloadSpeedupChart } from '../../../src/renderer/src/components/Charts/scalingCharts'
import { FALLBACK_PALETTE } from '../../../src/renderer/src/components/Charts/colors'
import { en } from '../../../src/renderer/src/lib/i18n/en'
import { ko } from '../../../src/renderer/src/lib/i18n/ko'
import { syntheticRun } from '../../helpers/syntheticRun'
import { recordingScaling } from './recordingScaling'

describe('CPU vs waiting in the Scaling tab', () => {
  it('the Tutorial preset’s other half: only the workload study, on 1 … 32 workers, split on warm pools', async () => {
    const form = new RunForm(() => 2)
    form.applyPreset('tutorial')
    const sent: StudyConfig[] = []
    const scaling = recordingScaling(form, sent)
    scaling.chooseWorkloadComparison()
    expect(scaling.sweepSizes).toBe(false)
    expect(scaling.compareBackends).toBe(false)
    expect(scaling.valid).toBe(true)
    const config = scaling.config!
    expect(config.compareWorkloads).toBe(true)
    expect(config.sizes).toBeUndefined()
    expect(config.backends).toBeUndefined()
    expect(config.base).toMatchObject({
      range: { start: 0, end: 50_000_000 },
      workers: [1, 2, 4, 8, 16, 32],
      workload: 'split',
      pool: 'warm'
    })
    // What main's IPC handler parses.
    expect(studyConfigSchema.safeParse(config).success).toBe(true)
    // The same steps as the CLI's --compare-workloads on the same base.
    const cli = parseCli(
      [
        '--compare-workloads',
        '--range',
        '0:50000000',
        '--pool',
        'warm',
        '--reps',
        '3',
        '--warmup',
        '0'
      ],
      2
    )
    if (cli.kind !== 'run') throw new Error(cli.kind)
    const steps = (c: StudyConfig) =>
      studyPlan(c).map((s) =>
        s.kind === 'workload'
          ? { job: s.job, backend: s.backend, workers: s.config.workers, wait: s.config.wait }
          : s.kind
      )
    expect(steps(config)).toEqual(steps(cli.options.study!))
    expect(scaling.plan).toEqual({ steps: 4, runs: 4 })
    await scaling.run()
    expect(sent).toEqual([config])
  })

  it('from the wait form: the wait’s own requests and delay go with it, never a command or the wait’s dummy range', () => {
    const form = new RunForm(() => 2)
    form.setJob('wait')
    form.requests = '32'
    form.delay = '5'
    const scaling = recordingScaling(form, [])
    scaling.chooseWorkloadComparison()
    const config = scaling.config!
    expect(config.base.wait).toEqual({ requests: 32, delayMs: 5 })
    expect(config.base.range).toEqual({ start: 0, end: 50_000_000 })
    const sum = studyPlan(config).find((s) => s.kind === 'workload' && s.job === 'sum')!
    expect(sum.kind === 'workload' && sum.config.job).toBe('sum')
  })

  it('unticking it brings nothing else back: "choose a study" is said', () => {
    const form = new RunForm(() => 2)
    const scaling = recordingScaling(form, [])
    scaling.chooseWorkloadComparison()
    scaling.compareWorkloads = false
    expect(scaling.valid).toBe(false)
    expect(scaling.issues.form).toBeDefined()
  })
})

describe('its graph and its oversubscription follow the analysis', () => {
  const WORKERS = [1, 2, 4, 8, 16, 32]
  const run = (job: 'sum' | 'wait', backend: RunBackend, speedups: number[]) => ({
    job,
    backend,
    run: syntheticRun(
      WORKERS.map((workers, i) => {
        const t = 1000 / speedups[i]
        return { workers, wallMs: [t, t * 1.001, t * 0.999, t * 1.0005, t * 0.9995, t] }
      }),
      { backend, ...(job === 'wait' ? { job, wait: { requests: 64, delayMs: 20 } } : {}) }
    )
  })
  const runs = [
    run('sum', 'process', [1, 1.9, 1.95, 1.9, 1.9, 1.85]),
    run('wait', 'thread', [1, 2, 4, 7.9, 15.5, 30]),
    run('wait', 'async', [1, 2, 4, 7.9, 15.6, 31])
  ]
  const analysis = analyzeStudy({
    id: 'wl',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'completed',
    config: { base: runs[0].run.config, compareWorkloads: true },
    system: runs[0].run.system,
    sweepWorkers: null,
    sizeRuns: [],
    backendRuns: [],
    workloadRuns: runs,
    correct: true
  })
  const c = analysis.workloadComparison!

  it('both speedups on one graph, the waits dashed, the cores marked', () => {
    for (const m of [en, ko]) {
      const chart = workloadSpeedupChart(c, { palette: FALLBACK_PALETTE, m, locale: 'en' })
      const labels = chart.data.datasets.map((d) => d.label)
      expect(labels).toEqual([
        `${m.workloads.job.sum} · ${m.workloads.backend.process}`,
        `${m.workloads.job.wait} · ${m.workloads.backend.thread}`,
        `${m.workloads.job.wait} · ${m.workloads.backend.async}`,
        m.scaling.charts.series.ideal
      ])
      const markers = chart.options!.plugins!.verticalMarkers!.markers!
      expect(markers).toEqual([expect.objectContaining({ x: 2, label: m.workloads.cores(2) })])
      expect(chart.data.datasets[2].data.at(-1)).toEqual({ x: 32, y: expect.closeTo(31, 1) })
    }
    expect(en.workloads.cores(2)).toBe('2 cores')
    expect(ko.workloads.cores(2)).toBe('코어 2개')
  })

  it('32 waiting workers on 2 cores are not oversubscribed; the sum past 2 is', () => {
    const over = (job: string, backend: string) =>
      c.series
        .find((s) => s.job === job && s.backend === backend)!
        .analysis.workers.filter((w) => w.oversubscribed)
        .map((w) => w.workers)
    expect(over('sum', 'process')).toEqual([4, 8, 16, 32])
    expect(over('wait', 'thread')).toEqual([])
    expect(over('wait', 'async')).toEqual([])
  })
})
