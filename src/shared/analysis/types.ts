import type { RunBackend, KernelName, PoolMode, Workload } from '../config'
import type {
  BootstrapInterval,
  BreakEven,
  Estimate,
  ErrorBasis,
  ModelComparison,
  StudentTInterval
} from '../stats'
import type { KarpFlattPoint, KarpFlattSeries } from './karpFlattSeries'
import type { OverheadBreakdown } from './overheadBreakdown'
import type { ScaledSpeedup } from './scaledSpeedup'
import type { ScalingWarning } from './scalingWarnings'
import type { SpeedupEstimate } from './speedupWithError'
import type { WorkerMemory } from '../study'
import type { ContentionAnalysis } from './contention'
import type { ReferenceRun } from './referenceRun'
import type { MethodRules } from './methodRules'
import type { RunVerdict, SpeedupInterval, WorkerVerdict } from './runVerdictCode'

export type { RunVerdict, RunVerdictCode, SpeedupInterval, WorkerVerdict } from './runVerdictCode'

/** Why a worker count's time says nothing about the job: its compute is within the noise. */
export interface TooSmall {
  /** Median compute of the slowest worker, ms. */
  computeMs: number
  /** Median per-repetition overhead: wall − slowest compute (spawn included in cold pools), ms. */
  overheadMs: number
  timerResolutionMs: number
}

/** How the intervals and errors of an analysis were made: said once, shown with the numbers. */
export interface AnalysisMethod {
  /** Nominal coverage of every interval, 0.95. */
  level: number
  /** The median's interval: percentile bootstrap, seeded so it is reproducible. */
  medianInterval: 'bootstrap-percentile'
  resamples: number
  seed: number
  /** The mean's interval: Student t with n − 1 degrees of freedom. */
  meanInterval: 'student-t'
  /** What "± e" on a speedup means: the medians' interval half-widths carried through T1/TN. */
  errorBasis: ErrorBasis
  /** Repetitions from which the median gets its bootstrap interval (below: the mean's t interval). */
  minRepsForMedianInterval: number
}

/** Everything derived for one worker count of a run. */
export interface WorkerCountAnalysis {
  workers: number
  n: number
  medianMs: number
  /** 95% percentile-bootstrap interval of the median; null for n < 6 (too few to be honest). */
  medianInterval: BootstrapInterval | null
  meanMs: number
  stddevMs: number
  /** 95% Student-t interval of the mean; null for n < 2. */
  meanInterval: StudentTInterval | null
  minMs: number
  maxMs: number
  /** Median spawn time (cold pools), else null. */
  spawnMedianMs: number | null
  /**
   * S ± e and E = S/N ± e/N. Split: S = T1/TN; replicate and weak: the scaled
   * speedup S = N·T1/TN (so E = T1/TN). Ideal N either way. The errors are NaN
   * when no interval can be computed (a single repetition).
   */
  speedup: SpeedupEstimate
  /** S·exp(∓e/S) (≈ S ± e); null for the baseline and when too few repetitions allow none. */
  speedupInterval: SpeedupInterval | null
  verdict: WorkerVerdict
  /** Set when this worker count's compute is too small to time (verdict `too-small`). */
  tooSmall: TooSmall | null
  /** More workers than the cores the run could use. */
  oversubscribed: boolean
  /**
   * Karp–Flatt e(N) ± error; null for N = 1, for weak scaling (it describes a
   * fixed job) and where S < 1 or S > N (e would be outside 0…1: overhead, not a serial part).
   */
  karpFlatt: KarpFlattPoint | null
  /** Gustafson's scaled speedup N·T1/TN (replicate and weak workloads); null for split. */
  scaled: ScaledSpeedup | null
  /**
   * Where the time goes, medians over repetitions: spawn (cold), dispatch (the
   * engine's overheadMs: wall beyond the critical path, so it never includes
   * spawn), compute of the slowest and the mean worker (imbalance), merge.
   */
  overhead: OverheadBreakdown
  correct: boolean
}

/**
 * Why the models were fitted or not: `weak-scaling` (they describe a fixed
 * job), `slower-than-one` (some count ran slower than one: overhead dominates),
 * `too-few-worker-counts` (fewer than two counts above one within the cores),
 * `not-significant` (a speedup the fit would rest on is within the noise: its
 * 95% interval includes 1), `poor-fit` (fitted, but R² below MIN_FIT_R_SQUARED:
 * its figures would mean nothing), `fitted`. No lesson is drawn from noise.
 */
export type ModelsCode =
  | 'weak-scaling'
  | 'slower-than-one'
  | 'too-few-worker-counts'
  | 'not-significant'
  | 'poor-fit'
  | 'fitted'

/** Amdahl's law and the USL fitted to the speedups, or why they were not (a code and its numbers). */
export interface ModelsAnalysis {
  code: ModelsCode
  /**
   * `slower-than-one`: the counts above one that ran slower than one; otherwise
   * the counts above one with a usable speedup.
   */
  workers: number[]
  /** Both fits and the choice between them; null when no fit was made. */
  comparison: ModelComparison | null
  /**
   * R² of the model that would be reported (`fitted` and `poor-fit`); null
   * otherwise. A `poor-fit` keeps no comparison: its figures are not shown anywhere.
   */
  rSquared: number | null
  /** Worker counts above the cores: drawn, never fitted (they measure taking turns, not the job). */
  excluded: number[]
  /** The cores the fit was bounded by. */
  cores: number
  /** A user's command (not the sum): its advice is more work for the command, not a larger range. */
  command?: true
}

/** Weak scaling read with Gustafson's law. */
export interface GustafsonAnalysis {
  workload: Exclude<Workload, 'split'>
  /** N copies of a user's command (not the sum): each copy ran the whole command. */
  copies?: true
  /** Scaled speedup and implied serial fraction for every worker count above one. */
  points: ScaledSpeedup[]
}

/** The machine facts the warnings were judged against. */
export interface AnalysisContext {
  /** Cores the run could use (available parallelism, else logical cores). */
  logicalCores: number
  /** The job's own length: median compute time of the single worker, ms; null without N = 1. */
  jobMs: number | null
  /** Median cost of starting one worker, ms: the 1-worker cold spawn, or a probe; null when warm. */
  spawnMs: number | null
}

/** What a finished run means, computed on demand from its RunRecord (never stored). */
export interface RunAnalysis {
  runId: string
  workload: Workload
  /** `strong` for split (a fixed job); `weak` for replicate and weak (work grows with N). */
  scaling: 'strong' | 'weak'
  /** How `speedup` is defined for this workload (ideal N for both). */
  speedupDefinition: 'T1/TN' | 'N·T1/TN'
  method: AnalysisMethod
  /**
   * True when the 1-worker samples are in the record. Only records migrated
   * from the first history format lack them: T1 is then their recovered
   * `legacyBaselineMs`, without an interval, so no speedup gets an interval.
   */
  baselineMeasured: boolean
  /** In the order of the run's results. */
  workers: WorkerCountAnalysis[]
  /** e(N) and what its trend means; null for weak scaling. */
  karpFlatt: KarpFlattSeries | null
  models: ModelsAnalysis
  gustafson: GustafsonAnalysis | null
  context: AnalysisContext
  /** Every warning of every worker count, in worker-count order. */
  warnings: ScalingWarning[]
  /** What the run says, as a code with its numbers. */
  verdict: RunVerdict
  /**
   * Whether the cores were shared with other work while the run went on: when
   * `contended`, every front end says so before the verdict.
   */
  contention: ContentionAnalysis
  /**
   * When contended: the best significant speedup a quiet run of the same job
   * reached on the same machine (from the history given to analyzeRun), said
   * beside the contention finding; null otherwise.
   */
  reference: ReferenceRun | null
  /** How the run met the measurement rules (serial base case, warm-up, order, cores): the Method section. */
  rules: MethodRules
}

/** One size of a size sweep: 1 worker against N. */
export interface SizePointAnalysis {
  size: number
  /**
   * Median time of one worker with its interval half-width. For replicate and
   * weak workloads it is N × T1: one worker doing the N shares in turn, so
   * both sides do the same work.
   */
  t1: Estimate
  tn: Estimate
  /** T1/TN ± e: above 1, N workers are faster. */
  speedup: SpeedupEstimate
  winner: 'one' | 'many'
  /** The winner wins even at the pessimistic ends of both errors. */
  clear: boolean
  correct: boolean
  /**
   * Cluster runs: the N-worker run's network part (the slowest link's round
   * trip, overheadBreakdown's `networkMs`); null for local backends.
   */
  networkMs: number | null
}

/** A size sweep on one backend and pool, and where N first beats 1. */
export interface SizeSweepAnalysis {
  backend: RunBackend
  pool: PoolMode
  /** Set when the study compared kernels: the kernel this sweep ran. */
  kernel?: KernelName
  /** N, compared with 1. */
  workers: number
  /** Set for a user's command: the sizes are the values of {size}, not a range's elements. */
  job?: 'command'
  /** Every size measured; `breakEven.status` is the finding's code. */
  points: SizePointAnalysis[]
  breakEven: BreakEven
}

/** One backend of a comparison. */
export interface BackendSummary {
  backend: RunBackend
  analysis: RunAnalysis
  /** Median spawn → ready of 1 cold worker (the probe), ms. */
  coldStartMs: number | null
  memory: WorkerMemory | null
}

export interface BackendComparisonAnalysis {
  backends: BackendSummary[]
  /** Worker counts of the sweep, in the order run. */
  workers: number[]
  /** The worker count the comparison is read at: the most that fit the cores. */
  headlineWorkers: number
  /** Each backend's speedup at `headlineWorkers` (finite ones only); empty when that is 1. */
  headline: { backend: RunBackend; speedup: SpeedupEstimate }[]
  /**
   * With two backends in `headline`: `apart` when their speedups differ by more
   * than the combined errors (the leader is ahead), else `within-errors`.
   */
  difference: { code: 'apart' | 'within-errors'; leader: RunBackend } | null
  /**
   * Threads at the headline: `adds-throughput` when S − e > 1 (no GIL in JS
   * worker threads), else `no-clear-gain`; null without threads there.
   */
  threads: 'adds-throughput' | 'no-clear-gain' | null
}

/** A warning and the run of a study it came from. */
export interface StudyWarning {
  /** Worded by `whereMessage` (English) or the renderer: "process · cold · 10,000 elements". */
  source: WarningSource
  warning: ScalingWarning
}

/** Which run of a study a warning came from: a size-sweep point, or a backend's run. */
export interface WarningSource {
  backend: RunBackend
  pool?: PoolMode
  size?: number
  /** Set when the study compared kernels: the kernel of this size-sweep point. */
  kernel?: KernelName
  /** Set for the CPU-vs-waiting study's runs: the workload; 'command' for a command's size sweep. */
  job?: 'sum' | 'wait' | 'command'
}

/** What a study means, computed on demand from its StudyRecord. */
export interface StudyAnalysis {
  studyId: string
  method: AnalysisMethod
  sizeSweeps: SizeSweepAnalysis[]
  backendComparison: BackendComparisonAnalysis | null
  /** The network-cost study: each local sweep beside the cluster's of the same pool (issue 11). */
  networkCost: NetworkCostAnalysis[]
  /** CPU vs waiting: the sum and the wait side by side (issue 17); null without it. */
  workloadComparison: WorkloadComparisonAnalysis | null
  warnings: StudyWarning[]
  /** The answer, a finding each (worded by `studyFindingMessage` or the renderer). */
  verdict: StudyFinding[]
}

/**
 * One finding of a study's verdict: `wrong-total` (sums that missed their
 * closed form, with the runs), a size sweep's break-even, or the backends read
 * side by side.
 */
export type StudyFinding =
  | { code: 'wrong-total'; runs: WarningSource[] }
  | { code: 'break-even'; sweep: SizeSweepAnalysis }
  | { code: 'backend-comparison'; comparison: BackendComparisonAnalysis }
  | { code: 'network-cost'; cost: NetworkCostAnalysis }
  | { code: 'workload-comparison'; comparison: WorkloadComparisonAnalysis }

/**
 * Where N workers first beat one on a local backend and on the cluster, for
 * one pool (and kernel): both break-evens as findBreakEven placed them, how
 * they differ, and what share of the cluster's N-worker time the network's
 * round trip took at each size.
 */
export interface NetworkCostAnalysis {
  pool: PoolMode
  kernel?: KernelName
  /** N, compared with 1 on both sides. */
  workers: number
  local: { backend: RunBackend; breakEven: BreakEven }
  cluster: { breakEven: BreakEven }
  /**
   * `cluster-later`: N first wins at a larger size on the cluster (the usual
   * price of the network); `cluster-earlier`; `same` (both below the smallest
   * size or both above the largest); `unplaced` when either break-even could
   * not be placed (a `mixed` sweep without a crossing).
   */
  difference: 'cluster-later' | 'cluster-earlier' | 'same' | 'unplaced'
  /** Cluster break-even ÷ local break-even, where both were interpolated; else null. */
  ratio: number | null
  /** The two break-evens' error intervals do not overlap: the difference is beyond the errors. */
  apart: boolean
  /** Per size measured on both: each side's N-worker median and the network's part of the cluster's. */
  points: {
    size: number
    localTnMs: number
    clusterTnMs: number
    /** The cluster run's network part (ms) and its share of the cluster's N-worker median. */
    networkMs: number | null
    networkShare: number | null
  }[]
  /** Median of the points' network parts, ms; null when none was measured. */
  networkMs: number | null
}

/** CPU vs waiting (issue 17; workloadComparison.ts). */
/** One workload on one backend: its speedup at every worker count. */
export interface WorkloadSeries {
  job: 'sum' | 'wait'
  backend: RunBackend
  analysis: RunAnalysis
  points: { workers: number; speedup: SpeedupEstimate }[]
  /** The highest speedup measured with more than one worker, and where. */
  best: { workers: number; speedup: SpeedupEstimate } | null
}

export interface WorkloadComparisonAnalysis {
  /** The cores the runs had (the line drawn on the graph). */
  cores: number
  /** The worker counts every series was measured at. */
  workers: number[]
  series: WorkloadSeries[]
  /** The largest count measured. */
  topWorkers: number
  /**
   * The lesson, said only from the numbers: `waiting-scales` when the sum's
   * best speedup stays within the cores (≤ cores + its error) and a wait's
   * speedup at the largest count is significantly above the cores; else
   * `not-shown` (too few counts past the cores, or the figures disagree).
   */
  code: 'waiting-scales' | 'not-shown'
}
