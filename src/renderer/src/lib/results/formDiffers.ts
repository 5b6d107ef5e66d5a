import type { RunConfig } from '@shared/config'

/** A setting the form and a run can disagree on, in the form's order. */
export type FormSetting =
  | 'job'
  | 'command'
  | 'range'
  | 'wait'
  | 'workers'
  | 'workload'
  | 'backend'
  | 'pool'
  | 'kernel'
  | 'warmup'
  | 'reps'

const sorted = (counts: readonly number[]): string => [...counts].sort((a, b) => a - b).join(',')

/** A settings object as text with its keys in order, so key order alone is no difference. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v
  ) ?? ''

/**
 * The settings in which what the form would run differs from the run on
 * show, so Results can say so plainly ("Run benchmark" runs the form, not
 * the run on screen). What a run records but the form does not set (its
 * seed, the serial base case, the cluster server, whose credentials are
 * never recorded) is not a difference. Empty when they agree.
 */
export function formDiffers(form: RunConfig, run: RunConfig): FormSetting[] {
  const out: FormSetting[] = []
  const job = (c: RunConfig): string => c.job ?? 'sum'
  if (job(form) !== job(run)) out.push('job')
  if (job(form) === 'command' && stable(form.command) !== stable(run.command)) out.push('command')
  // A command's range is a placeholder the schema wants: not a setting of the run.
  if (
    job(form) !== 'command' &&
    (form.range.start !== run.range.start || form.range.end !== run.range.end)
  )
    out.push('range')
  if (job(form) === 'wait' && stable(form.wait) !== stable(run.wait)) out.push('wait')
  if (sorted(form.workers) !== sorted(run.workers)) out.push('workers')
  if (form.workload !== run.workload) out.push('workload')
  if (form.backend !== run.backend) out.push('backend')
  if (form.pool !== run.pool) out.push('pool')
  if ((form.kernel ?? 'js') !== (run.kernel ?? 'js')) out.push('kernel')
  if (form.warmup !== run.warmup) out.push('warmup')
  if (form.reps !== run.reps) out.push('reps')
  return out
}
