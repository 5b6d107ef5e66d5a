/**
 * A size sweep of Your command in the Scaling view (issue 20): the command's
 * form gets its values of {size} when the line uses {size}; the study sent is
 * the CLI's --command '… {size} …' --sizes LIST (the same schema, the same
 * studyPlan), with nothing of the sum's comparisons; without {size} it says
 * why, in the user's language.
 */
import { describe, expect, it } from 'vitest'
import type { BenchApi } from '../../../src/shared/api'
import { studyConfigSchema, studyPlan, type StudyConfig } from '../../../src/shared/study'
import { parseCli } from '../../../src/cli/options'
import { ScalingState } from '../../../src/renderer/src/lib/state/scaling.svelte'
import { RunForm } from '../../../src/renderer/src/lib/state/runForm.svelte'
import { AppState } from '../../../src/renderer/src/lib/state/app.svelte'
import type { RunConfig } from '../../../src/shared/config'
import { i18n } from '../../../src/renderer/src/lib/i18n'
import { recordingScaling } from './recordingScaling'

const LINE = 'i=0; while [ $i -lt {size} ]; do i=$((i+1)); done'

function setUp(): { form: RunForm; scaling: ScalingState; sent: StudyConfig[] } {
  const form = new RunForm(() => 2)
  form.setJob('command')
  form.warmup = '0'
  form.reps = '2'
  form.workerMode = 'custom'
  form.customWorkers = '1,2'
  const sent: StudyConfig[] = []
  const scaling = recordingScaling(form, sent)
  return { form, scaling, sent }
}

describe('a size sweep of Your command', () => {
  it('the form asks for the values of {size} only when the line uses it; the run config holds the first', () => {
    const { form } = setUp()
    form.command.line = 'true'
    expect(form.command.usesSize).toBe(false)
    expect(form.valid).toBe(true)
    expect(form.config?.command?.size).toBeUndefined()
    form.command.line = LINE
    expect(form.command.usesSize).toBe(true)
    // No values yet: the sizes field says so and nothing can run.
    expect(form.command.issues.sizes).toHaveLength(1)
    expect(form.valid).toBe(false)
    form.command.sizes = '1,0'
    expect(form.command.issues.sizes?.[0]).toMatch(/at least 1/)
    form.command.sizes = '20, 3'
    expect(form.command.issues.sizes).toBeUndefined()
    expect(form.valid).toBe(true)
    expect(form.command.sweepSizes).toEqual([3, 20])
    expect(form.config?.command?.size).toBe(3)
  })

  it('sends the CLI’s study: the command at each value of {size}, one pool, nothing of the sum’s', async () => {
    const { form, scaling, sent } = setUp()
    form.command.line = LINE
    form.command.sizes = '1,2'
    expect(scaling.isCommand).toBe(true)
    expect(scaling.issues).toEqual({})
    const config = scaling.config!
    expect(config.sizes).toEqual([1, 2])
    expect(config.backends).toBeUndefined()
    expect(config.kernels).toBeUndefined()
    expect(config.compareWorkloads).toBeUndefined()
    expect(studyConfigSchema.safeParse(config).success).toBe(true)
    const cli = parseCli(
      ['--command', LINE, '--sizes', '1,2', '--workers', '1,2', '--reps', '2', '--warmup', '0'],
      2
    )
    if (cli.kind !== 'run') throw new Error(cli.kind)
    const steps = (c: StudyConfig) =>
      studyPlan(c).map((s) =>
        s.kind === 'size' ? [s.size, s.pool, s.job, s.config.workers, s.config.command] : s.kind
      )
    expect(steps(config)).toEqual(steps(cli.options.study!))
    expect(scaling.plan).toEqual({ steps: 2, runs: 2 })
    await scaling.run()
    expect(sent).toEqual([config])
  })

  it('Run with several values of {size} sweeps them all (the CLI’s --sizes), not the first alone', async () => {
    const runs: RunConfig[] = []
    const studies: StudyConfig[] = []
    const refused = { ok: false, error: { code: 'cancelled', message: 'test' } }
    const api = {
      run: async (config: RunConfig) => (runs.push(config), refused),
      onProgress: () => () => {},
      runStudy: async (config: StudyConfig) => (studies.push(config), refused),
      onStudyProgress: () => () => {},
      cancel: async () => ({ ok: true, value: { cancelled: true } })
    } as unknown as BenchApi
    const app = new AppState(api)
    app.form.setJob('command')
    app.form.warmup = '0'
    app.form.reps = '2'
    app.form.workerMode = 'custom'
    app.form.customWorkers = '1,2'
    app.form.command.line = LINE
    app.form.command.sizes = '2, 1'
    expect(app.commandSweep).toBe(true)
    expect(app.canRun).toBe(true)
    await app.run()
    // The study the CLI's --command LINE --sizes 1,2 makes, shown where its sweep is drawn.
    expect(runs).toEqual([])
    expect(studies.map((c) => c.sizes)).toEqual([[1, 2]])
    const cli = parseCli(
      ['--command', LINE, '--sizes', '1,2', '--workers', '1,2', '--reps', '2', '--warmup', '0'],
      2
    )
    if (cli.kind !== 'run') throw new Error(cli.kind)
    expect(studyPlan(studies[0]).map((s) => (s.kind === 'size' ? s.config : s.kind))).toEqual(
      studyPlan(cli.options.study!).map((s) => (s.kind === 'size' ? s.config : s.kind))
    )
    expect(app.tab).toBe('scaling')

    // One value: a single run at it, in Results, as before.
    app.form.command.sizes = '7'
    expect(app.commandSweep).toBe(false)
    await app.run()
    expect(runs.map((c) => c.command?.size)).toEqual([7])
    expect(studies).toHaveLength(1)
    expect(app.tab).toBe('results')
  })

  it('a command without {size}: the reason, in English and Korean, and nothing runs', async () => {
    const { form, scaling } = setUp()
    form.command.line = 'true'
    expect(form.valid).toBe(true)
    await i18n.set('en')
    expect(scaling.valid).toBe(false)
    expect(scaling.issues.sizes?.[0]).toContain('{size}')
    expect(scaling.issues.sizes?.[0]).not.toMatch(/command-line tool|--sizes/)
    await i18n.set('ko')
    expect(scaling.issues.sizes?.[0]).toMatch(/명령.*\{size\}/)
    await i18n.set('en')
  })
})
