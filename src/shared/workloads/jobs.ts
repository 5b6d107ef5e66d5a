/**
 * The workloads a run can measure, by name (no zod here: the worker bundle
 * imports it). A run's `config.job` names one; absent means `sum`, the job of
 * every record written before there was more than one.
 *
 * `config.workload` (split, replicate, weak) is older and says how a job is
 * shared among N workers, whichever job it is; it kept its name so that
 * stored runs and every reader of it stay unchanged.
 */
export const JOBS = ['sum', 'wait', 'command'] as const

export type JobName = (typeof JOBS)[number]

export const isJobName = (v: unknown): v is JobName =>
  typeof v === 'string' && (JOBS as readonly string[]).includes(v)

/** The job a configuration runs: absent (records and callers before issue 17) is the sum. */
export const jobOf = (config: { job?: JobName }): JobName => config.job ?? 'sum'
