/**
 * Every visible string of the renderer, in English. Another language is
 * another object of the same shape (`Messages`); components read them through
 * `i18n.m` and never hard-code text.
 */
/** Counts in messages are grouped the English way: 10,000 runs. */
const grouping = new Intl.NumberFormat('en')
const n = (value: number): string => grouping.format(value)

export const en = {
  app: {
    title: 'Speedup Lab',
    tagline: 'Parallel speedup, measured and explained',
    tabs: { label: 'Views', results: 'Results', history: 'History', system: 'System' },
    cores: (cores: number) => `${cores} ${cores === 1 ? 'core' : 'cores'}`,
    noApi: 'The benchmark engine is not connected (window.api is missing).'
  },
  form: {
    heading: 'Run configuration',
    sidebar: 'Benchmark setup',
    presets: 'Presets',
    presetScaling: 'Scaling',
    presetScalingHint: 'The engine defaults: a large range split across 1 … all cores, warm pool.',
    presetTutorial: 'Tutorial',
    presetTutorialHint:
      'The Python tutorial’s experiment: 0 … 50,000,000, 1 vs 2 workers, each doing the whole range, cold start.',
    range: 'Range',
    rangeHint:
      'Sums every integer in [start, end). Separators like 1_000_000 or 1,000,000 are fine.',
    start: 'Range start',
    end: 'Range end',
    integers: (count: string) => `${count} integers`,
    expectedSum: (sum: string) => `expected sum ${sum}`,
    workers: 'Worker counts',
    workersEvery: (cores: number) => `1 … ${cores} (every count)`,
    workersDoubling: (list: string) => `Doubling: ${list}`,
    workersCustom: 'Custom list',
    workersCustomLabel: 'Custom worker counts',
    workersCustomPlaceholder: 'e.g. 1,2,4 or 1-8',
    workersBad: (items: string) => `Not a worker count or range like 1-8: ${items}`,
    workersSummary: (list: string) => `Measures ${list}`,
    workload: 'Workload',
    workloadSplit: 'Split',
    workloadSplitHint: 'One job divided among the workers (strong scaling).',
    workloadReplicate: 'Replicate',
    workloadReplicateHint: 'Every worker sums the whole range, like the tutorial: N× the work.',
    workloadWeak: 'Weak',
    workloadWeakHint:
      'Each worker sums its own range-sized share of an N× longer range (weak scaling).',
    backend: 'Backend',
    backendProcess: 'Processes',
    backendThread: 'Threads',
    pool: 'Pool',
    poolWarm: 'Warm',
    poolWarmHint: 'Workers are started before timing; only the job is timed.',
    poolCold: 'Cold',
    poolColdHint: 'Starting the workers is part of the timed region, as in the tutorial.',
    warmup: 'Warm-up runs',
    repeatHint: 'Warm-ups run first and are discarded; the median of the repetitions is reported.',
    reps: 'Repetitions',
    invalidSummary: (count: number) =>
      `Fix ${count === 1 ? 'one field' : `${count} fields`} to run the benchmark.`
  },
  run: {
    button: 'Run benchmark',
    running: 'Running…',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    shortcut: 'Ctrl+Enter'
  },
  progress: {
    heading: 'Benchmark running',
    overall: 'Overall progress',
    phase: {
      spawning: 'Starting workers',
      warmup: 'Warming up',
      measuring: 'Measuring',
      done: 'Finishing'
    },
    step: (phase: string, workers: number, rep: number, reps: number) =>
      rep > 0
        ? `${phase} · ${workers} ${workers === 1 ? 'worker' : 'workers'} · repetition ${rep} of ${reps}`
        : phase,
    eta: (eta: string) => `about ${eta} left`,
    etaUnknown: 'estimating time left…',
    elapsed: (elapsed: string) => `${elapsed} elapsed`,
    perWorker: 'Per-worker progress (current repetition)',
    worker: (index: number, count: number) => `Worker ${index} of ${count}`,
    moreWorkers: (count: number) => `… and ${n(count)} more`,
    counts: (list: string) => `workers ${list}`,
    plan: 'Schedule',
    warmupStep: 'warm-up (discarded)',
    measuredStep: 'measured repetition',
    stepsDone: (done: number, total: number) => `${done} of ${total} done`,
    legendDone: 'done',
    legendCurrent: 'running',
    legendWarmup: 'warm-up'
  },
  errors: {
    heading: {
      'invalid-input': 'The configuration was not accepted',
      'worker-crashed': 'A worker stopped unexpectedly',
      'worker-error': 'A worker reported an error',
      cancelled: 'Run cancelled',
      busy: 'A run is already in progress',
      'not-found': 'Not found',
      io: 'Could not read or write a file',
      forbidden: 'Not allowed',
      internal: 'Something went wrong'
    },
    cancelledBody: 'The benchmark was stopped and all workers were ended. Nothing was saved.',
    crashedBody:
      'The run was abandoned and nothing was saved. This usually means the machine ran out of memory or the worker was killed.',
    busyBody: 'Wait for it to finish or cancel it first.',
    workerDetail: (name: string, pid: string, how: string) => `Worker ${name} (pid ${pid}) ${how}.`,
    exitCode: (code: number) => `exited with code ${code}`,
    signal: (signal: string) => `was ended by ${signal}`,
    gone: 'ended',
    dismiss: 'Dismiss'
  },
  results: {
    heading: 'Results',
    latest: 'Latest run',
    viewing: (date: string) => `Run of ${date}`,
    emptyTitle: 'No results yet',
    emptyBody:
      'Pick a preset or set a range and worker counts on the left, then click Run benchmark. The time with one worker is compared with the time with N.',
    reps: (warmup: number, reps: number) =>
      `${reps} ${reps === 1 ? 'repetition' : 'repetitions'} after ${warmup} warm-up`,
    measuredOn: (cpu: string) => `measured on ${cpu}`,
    cards: {
      t1: 'Time, 1 worker',
      tn: (n: number) => `Time, ${n} ${n === 1 ? 'worker' : 'workers'}`,
      speedup: 'Speedup',
      speedupSub: (n: number) => `ideal ${n}×`,
      efficiency: 'Efficiency',
      efficiencySub: 'speedup ÷ workers',
      sum: 'Sum',
      sumOk: 'correct',
      sumBad: 'WRONG',
      sumExpected: (value: string) => `expected ${value}`,
      median: (spread: string) => `median, ${spread}`,
      single: 'one repetition'
    },
    table: {
      caption: 'Per worker count',
      workers: 'Workers',
      median: 'Median ± σ',
      range: 'Min … max',
      spawn: 'Spawn',
      speedup: 'Speedup',
      efficiency: 'Efficiency',
      karpFlatt: 'Karp–Flatt',
      sum: 'Sum',
      ok: '✓',
      bad: '✗',
      correctLabel: 'sum correct',
      wrongLabel: 'sum wrong'
    },
    notCorrect: 'At least one total did not match the closed form n·(a+b)/2.'
  },
  charts: {
    wallTime: 'Wall time per worker count',
    wallTimeDesc: 'Median wall time; whiskers span min … max over the repetitions.',
    speedup: 'Speedup vs worker count',
    speedupDesc: 'Measured speedup against the ideal (N workers, N× faster).',
    speedupDescReplicate:
      'Every worker does a full range, so the ideal is the same time for N× the work (1×).',
    timeline: 'Worker timeline, last repetition',
    timelineDesc: 'What each worker did in the last measured repetition.',
    timelineFor: 'Worker count shown',
    timelineEmpty: 'No per-worker timings in this run.',
    history: 'Speedup history',
    historyDesc: 'Speedup of past runs over time, one line per worker count.',
    historyFilter: 'Configuration',
    historyAll: 'All configurations',
    historyEmpty: 'No earlier runs with this configuration yet.',
    savePng: 'Save PNG',
    savePngLabel: (chart: string) => `Save “${chart}” as PNG`,
    axis: {
      workers: 'Workers',
      wallMs: 'Wall time (ms)',
      wallS: 'Wall time (s)',
      speedup: 'Speedup (×)',
      timeMs: 'Time since repetition start (ms)',
      date: 'Date'
    },
    series: {
      median: 'Median wall time',
      measured: 'Measured',
      ideal: 'Ideal (N×)',
      idealReplicate: 'Ideal (same time, N× the work)',
      spawn: 'Spawn',
      dispatch: 'Dispatch',
      compute: 'Compute',
      collect: 'Result message',
      idle: 'Idle',
      workers: (count: number) => `${n(count)} ${count === 1 ? 'worker' : 'workers'}`
    }
  },
  history: {
    heading: 'History',
    count: (count: number) => `${n(count)} ${count === 1 ? 'run' : 'runs'}`,
    empty: 'No runs stored yet. Every finished run is saved here automatically.',
    storedAt: (path: string) => `Stored in ${path}`,
    loading: 'Loading history…',
    selectAll: 'Select all',
    selectNone: 'Select none',
    selected: (count: number) => `${n(count)} selected`,
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    delete: 'Delete',
    clear: 'Clear history',
    confirmClear: (count: number) => `Delete all ${n(count)} runs?`,
    confirmYes: 'Delete all',
    confirmNo: 'Keep',
    view: 'View',
    viewing: 'Shown',
    selectRun: (date: string) => `Select run of ${date}`,
    list: 'Past runs',
    columns: {
      date: 'Date',
      config: 'Configuration',
      workers: 'Workers',
      best: 'Speedup',
      sum: 'Sum'
    },
    damaged: (count: number) =>
      `${n(count)} damaged ${count === 1 ? 'entry was' : 'entries were'} skipped while reading the history:`,
    damagedLine: (line: number, reason: string) => `line ${line}: ${reason}`,
    damagedMore: (count: number) => `… and ${n(count)} more`,
    openRun: (date: string) => `View run of ${date}`,
    deleted: (count: number) => `Deleted ${n(count)} ${count === 1 ? 'run' : 'runs'}.`
  },
  exports: {
    saved: (what: string, path: string) => `${what} saved to ${path}`,
    cancelled: 'Export cancelled.',
    nothing: 'Select runs in History (or run a benchmark) to export.',
    csv: 'CSV',
    json: 'JSON',
    png: 'PNG'
  },
  system: {
    heading: 'System',
    intro: 'The machine the benchmark runs on. Each stored run keeps a copy of these facts.',
    cpu: 'CPU model',
    cores: 'Logical cores',
    parallelism: 'Available parallelism',
    memory: 'Memory',
    os: 'Operating system',
    arch: 'Architecture',
    app: 'Speedup Lab',
    electron: 'Electron',
    node: 'Node.js',
    chromium: 'Chromium',
    loading: 'Reading system information…',
    unavailable: 'not available'
  },
  words: {
    split: 'split',
    replicate: 'replicate',
    weak: 'weak scaling',
    process: 'processes',
    thread: 'threads',
    warm: 'warm pool',
    cold: 'cold pool'
  }
}

export type Messages = typeof en
