/**
 * Every visible string of the renderer, in English. Another language is
 * another object of the same shape (`Messages`); components read them through
 * `i18n.m` and never hard-code text.
 */
import { formatInteger, formatTick } from '../../../../shared/format'
import { REPORT_WORDS } from '../../../../shared/report/catalog/words'

/** Counts in messages are grouped the English way: 10,000 runs. */
const n = (value: number): string => formatInteger(value, 'en')

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
    presetScaling: 'All cores',
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
    workersDoubling: (list: string) => `Sweep, doubling: ${list}`,
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
    backendCluster: 'Cluster (NATS)',
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
      'needs-confirmation': 'A long run needs your confirmation',
      'not-found': 'Not found',
      io: 'Could not read or write a file',
      forbidden: 'Not allowed',
      internal: 'Something went wrong',
      unavailable: 'The cluster is not available',
      'not-saved': 'Not saved to history'
    },
    /** Why a finished run is not in history (it stays on screen and can be exported). */
    notSavedBody: {
      'disk-full':
        'Not saved: the disk is full. The run is shown below and can still be exported; free some space to save the next one.',
      'too-large':
        'Not saved: the run’s record is larger than the history accepts. It is shown below and can still be exported.',
      io: 'Not saved: the history file could not be written. The run is shown below and can still be exported.'
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
    sinceLast: (date: string, workers: number, verdict: string, range: string, median: string) =>
      `Since the last comparable run (${date}), ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: ${verdict}: time ${range} (median ${median})`,
    /** The time's change, as criterion words it (a time ratio below 1 is faster). */
    sinceLastVerdict: { improved: 'faster', regressed: 'slower', 'no-change': 'no change' },
    sinceLastNoInterval: (date: string, workers: number, median: string) =>
      `Since the last comparable run (${date}), ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: time ${median}, too few repetitions for an interval`,
    /** Item 5 of issue 21: the form and the run on screen disagree (FormDiffers.svelte). */
    formDiffers: (settings: string) =>
      `The form holds other settings than this run (${settings}): Run benchmark runs the form’s.`,
    formDiffersApply: 'Put this run’s settings in the form',
    formSetting: {
      job: 'job',
      command: 'command',
      range: 'range',
      wait: 'requests and delay',
      workers: 'worker counts',
      workload: 'workload',
      backend: 'backend',
      pool: 'pool',
      kernel: 'kernel',
      warmup: 'warm-ups',
      reps: 'repetitions'
    },
    heading: 'Results',
    latest: 'Latest run',
    viewing: (date: string) => `Run of ${date}`,
    reps: (warmup: number | 'auto', reps: number | 'auto') =>
      (reps === 'auto'
        ? 'repetitions chosen automatically'
        : `${n(reps)} ${reps === 1 ? 'repetition' : 'repetitions'}`) +
      (warmup === 'auto'
        ? ' after warm-ups until steady'
        : warmup === 0
          ? ', no warm-up'
          : ` after ${n(warmup)} ${warmup === 1 ? 'warm-up' : 'warm-ups'}`),
    measuredOn: (cpu: string) => `measured on ${cpu}`,
    cards: {
      t1: 'Time, 1 worker',
      tn: (n: number) => `Time, ${n} ${n === 1 ? 'worker' : 'workers'}`,
      speedup: 'Speedup',
      // N, or R ÷ ceil(R/N) for the wait (idealSpeedup): not always whole.
      speedupSub: (ideal: number) => `ideal ${formatTick(ideal, 'en')}×`,
      efficiency: 'Efficiency',
      efficiencySub: 'speedup ÷ workers',
      sum: 'Sum',
      sumOk: 'correct',
      sumBad: 'WRONG',
      sumExpected: (value: string) => `expected ${value}`,
      median: (spread: string) => `median, ${spread}`,
      single: 'one repetition'
    },
    /** The Method section: each measurement rule and how this run met it (shared report catalog). */
    method: {
      heading: 'Method',
      intro: 'How this run was measured: each rule, and how this run met it.'
    },
    table: {
      caption: 'Per worker count',
      serialRow: 'Serial',
      serialTip:
        'The job run in the app’s own thread, with no worker: the cost of having a worker is the 1-worker time minus this.',
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
    wallTimeDesc: 'Bars: the median wall time; dots: every measured repetition.',
    speedup: 'Speedup vs worker count',
    speedupDesc:
      'Measured speedup with its 95% interval, against the ideal (N workers, N× faster).',
    speedupDescCopies:
      'N copies run at once, each the whole command, so the scaled speedup N·T1/TN is shown: N× the work in the same time is the ideal N×.',
    speedupDescReplicate:
      'Every worker does its own full range, so the scaled speedup N·T1/TN is shown: N× the work in the same time is the ideal N×.',
    timeline: 'Worker timeline, last repetition',
    timelineDesc: 'What each worker did in the last measured repetition.',
    timelineDescCommand:
      'What each copy did in the last measured repetition. Dispatch: the copy started (its shell spawned, every copy up) before its go, outside the measured time; compute: the copy’s run from its go, the measured time.',
    timelineFor: 'Worker count shown',
    timelineEmpty: 'No per-worker timings in this run.',
    history: 'Speedup history',
    historyDesc:
      'Speedup of comparable runs (same job, size, sharing, backend, pool and kernel) in the order they ran, dated: one line per worker count, each run’s 95% interval, and the ideal N×.',
    historyFilter: 'Configuration',
    historyAll: 'All configurations',
    historyEmpty: 'No earlier runs with this configuration yet.',
    savePng: 'PNG',
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
      workers: (count: number) => `${n(count)} ${count === 1 ? 'worker' : 'workers'}`,
      samples: (median: string, count: number, range: string) =>
        `median ${median} of ${n(count)} ${count === 1 ? 'repetition' : 'repetitions'} (${range})`,
      interval: (low: string, high: string) => `95% interval ${low} … ${high}`
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
    exportHtml: 'Export HTML report',
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
      verdict: 'Verdict',
      // The history mixes jobs: a sum's total, a wait's answers, a command's exit codes.
      sum: 'Check'
    },
    /** The job a run measured, first in its short configuration. */
    jobs: { sum: 'sum', wait: 'wait', command: 'command' },
    waitJob: (requests: number, delay: string) => `${n(requests)} requests × ${delay}`,
    /** A speedup that is neither significantly faster nor slower: not shown as a result. */
    notSignificant: 'not significant: its 95% interval includes 1',
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
    png: 'PNG',
    html: 'HTML report'
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
  /*
   * ── Scaling view (issue 4) ──────────────────────────────────────────────
   * Studies (size sweep, threads vs processes), run statistics and models.
   * Sentences computed by the analysis (verdicts, fits, warnings) come from
   * src/shared/analysis in English.
   */
  scaling: {
    tab: 'Scaling',
    heading: 'Scaling',
    intro:
      'Why N workers are not N times faster: where N first beats one, what threads and processes cost, and what the fitted models say.',
    form: {
      heading: 'Study',
      base: 'Base configuration',
      baseNote:
        'From the run form on the left: range start, worker counts, workload, pool, repetitions.',
      baseNoteCommand:
        'From the run form on the left: the command line, its shape, worker counts, repetitions.',
      baseInvalid: 'The run form on the left has errors: fix them to plan a study.',
      baseLine: (range: string, workers: string, rest: string) =>
        `${range} · workers ${workers} · ${rest}`,
      sweep: 'Problem-size sweep',
      sweepHint: (workers: number | null) =>
        workers !== null && workers >= 2
          ? `1 worker against ${n(workers)}, warm and cold pool, at every range length.`
          : '1 worker against N (the largest worker count), warm and cold pool, at every range length.',
      commandSweep: 'Size sweep of your command',
      commandSweepHint: (workers: number | null) =>
        `{size} takes each value below in turn: 1 worker against ${workers !== null && workers >= 2 ? n(workers) : 'N (the largest worker count)'} at every size. The sum's comparisons do not apply to a command.`,
      commandSizesHint: 'The same list as beside the command in the run form.',
      sizes: 'Range lengths',
      sizesHint:
        'Lengths from the range start: 100_000, 10^6, or a span 10^4..10^9 (every half decade).',
      sizesSummary: (count: number, from: string, to: string) =>
        `${n(count)} ${count === 1 ? 'size' : 'sizes'}: ${from} … ${to}`,
      sizesReset: 'Default',
      sizesResetLabel: 'Restore the default sizes',
      compare: 'Threads vs processes',
      compareHint:
        'The worker sweep on both backends, with the cold start and memory of one worker.',
      // Issue 11: the network-cost study.
      compareWith: 'Compare processes with',
      compareCluster: 'Processes vs the cluster (network cost)',
      compareClusterHint:
        'The size sweep and the worker sweep on local processes and on remote workers side by side: where N first beats 1 on each, and the network’s share.',
      nothingChosen: 'Choose a size sweep, a backend comparison, or both.',
      plan: (steps: number, runs: number) =>
        `${n(steps)} ${steps === 1 ? 'step' : 'steps'}: ${n(runs)} ${runs === 1 ? 'run' : 'runs'} one after another, plus memory probes`,
      run: 'Run study',
      running: 'Running…',
      cancel: 'Cancel',
      cancelling: 'Cancelling…',
      invalidSummary: (count: number) =>
        `Fix ${count === 1 ? 'one problem' : `${n(count)} problems`} to run the study.`,
      busy: 'A benchmark is running: wait for it, or cancel it, to start a study.'
    },
    progress: {
      heading: 'Study running',
      overall: 'Study progress',
      current: 'Current run',
      step: (step: number, steps: number) => `Step ${n(step)} of ${n(steps)}`,
      eta: (time: string) => `about ${time} left`,
      estimating: 'estimating the time left…',
      elapsed: (time: string) => `${time} elapsed`
    },
    study: {
      heading: 'What the study found',
      meta: (date: string, cpu: string) => `Study of ${date} on ${cpu}`,
      notCorrect: 'At least one total did not match its closed form n·(a+b)/2.',
      export: 'Export the study',
      exportAs: (format: string) => `Export the study as ${format}`
    },
    warnings: {
      heading: (count: number) => `Warnings (${n(count)})`,
      none: 'No warnings: steady timings and narrow intervals.',
      showAll: (count: number) => `Show all ${n(count)}`,
      showFewer: 'Show fewer',
      workers: (count: number) => `${n(count)} ${count === 1 ? 'worker' : 'workers'}`,
      info: 'Note',
      warning: 'Warning'
    },
    size: {
      heading: 'Time vs problem size',
      desc: (workers: number) =>
        `Median wall time of 1 worker and of ${n(workers)}, log–log; a vertical line marks where ${n(workers)} first beat 1.`,
      backend: 'Backend shown',
      one: (pool: string) => `1 worker, ${pool}`,
      many: (workers: number, pool: string) => `${n(workers)} workers, ${pool}`,
      marker: (pool: string, size: string) => `${pool} break-even ≈ ${size}`,
      axisSize: 'Range length (elements)',
      axisTime: 'Median wall time (ms)',
      tableFold: (rows: number) =>
        `The graph's numbers (${n(rows)} ${rows === 1 ? 'row' : 'rows'})`,
      caption: (backend: string) => `1 worker vs N by problem size, ${backend}`,
      colSize: 'Length',
      colPool: 'Pool',
      colOne: '1 worker',
      colOneScaled: (workers: number) => `1 worker × ${n(workers)}`,
      colMany: (workers: number) => `${n(workers)} workers`,
      colSpeedup: 'Speedup ± e',
      colWinner: 'Faster',
      winnerMany: (workers: number) => `${n(workers)} workers`,
      winnerOne: '1 worker',
      withinErrors: 'within errors',
      breakEven: 'Break-even',
      breakEvenOf: (pool: string) => `Break-even, ${pool}`,
      crosses: (size: string) => `≈ ${size} elements`,
      between: (lower: string, upper: string) => `between ${lower} and ${upper}`,
      tooWide: 'the errors are too wide to say more',
      mixed: 'none: the winner changes back and forth',
      always: (smallest: string) => `below ${smallest}: N won at every size`,
      never: (largest: string) => `above ${largest}: 1 won at every size`,
      bounds: (lower: string, upper: string) => `within the errors ${lower} … ${upper}`,
      below: (size: string) => `below ${size}`,
      above: (size: string) => `above ${size}`,
      breakEvenHere: (size: string) => `≈ ${size}`,
      wrongTotal: 'wrong total',
      /** A sweep of your command: its sizes are the values of {size}, and pools mean nothing to it. */
      command: {
        heading: 'Time vs size of your command',
        axisSize: 'Value of {size}',
        caption: '1 worker vs N at each value of {size}, your command',
        colSize: 'Size',
        breakEven: 'Break-even of {size}',
        crosses: (size: string) => `≈ size ${size}`,
        between: (lower: string, upper: string) => `between sizes ${lower} and ${upper}`,
        one: '1 worker',
        many: (workers: number) => `${n(workers)} workers`,
        marker: (size: string) => `break-even ≈ size ${size}`,
        failed: 'a copy failed'
      }
    },
    /** Issue 11: the network-cost study, local processes beside the cluster. */
    network: {
      heading: 'Network cost: local vs the cluster',
      breakEvenOf: (backend: string, pool: string) => `Break-even, ${backend}, ${pool}`,
      difference: 'Difference',
      later: (ratio: string | null) =>
        ratio === null ? 'later on the cluster' : `${ratio}× later on the cluster`,
      earlier: (ratio: string | null) =>
        ratio === null ? 'earlier on the cluster' : `${ratio}× earlier on the cluster`,
      same: 'the same place on the sizes measured',
      unplaced: 'cannot be compared: a break-even could not be placed',
      apart: 'beyond the errors',
      withinErrors: 'within the errors',
      caption: (backend: string, pool: string, workers: number) =>
        `${n(workers)} workers on ${backend} and on the cluster, ${pool}: median times and the network’s part`,
      colTime: (backend: string, workers: number) => `${backend}, ${n(workers)} workers`,
      colNetwork: 'Network round trip',
      colShare: 'Network share'
    },
    backends: {
      heading: 'Threads vs processes',
      speedup: 'Speedup by backend',
      speedupDesc: 'The same worker sweep on each backend: S ± e against the ideal.',
      startCost: 'Start cost per worker',
      startCostDesc: 'Median cold start of one worker: starting it and seeing it ready.',
      memoryChart: 'Memory per worker',
      memoryChartDesc: 'Resident memory each worker adds, measured by the memory probe.',
      coldStart: 'Cold start (ms)',
      memory: 'Memory per worker (MiB)',
      caption: 'Backends side by side',
      colBackend: 'Backend',
      colSpeedup: (workers: number) => `Speedup at ${n(workers)}`,
      colEfficiency: 'Efficiency ± e',
      colColdStart: 'Cold start',
      colRss: 'RSS per worker',
      colPss: 'PSS per worker',
      colAmdahl: 'Amdahl f ± u',
      colMethod: 'Memory measured by',
      notMeasured: 'not measured on this platform',
      // Issue 11: remote workers' memory is not this machine's to read.
      notMeasuredRemote: 'not measured (remote workers)',
      headingCluster: 'Processes vs the cluster',
      speedupAt: (backend: string, value: string, workers: number) =>
        `${backend}: ${value} at ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}`
    },
    stats: {
      heading: 'Run statistics and models',
      source: 'Run analysed',
      sourceShown: (date: string) => `Run on display (${date})`,
      sourceStudy: (backend: string) => `Study: ${backend}`,
      none: 'Run a benchmark or a study, or open a run from History, to see its statistics here.',
      exportMarkdown: (count: number) =>
        count > 1 ? `Markdown report (${n(count)} runs)` : 'Markdown report',
      exportMarkdownStudy: 'Markdown report (study)',
      config: (line: string, reps: string) => `${line} · ${reps}`,
      method: (level: string, resamples: string) =>
        `Median: ${level} interval by percentile bootstrap (${resamples} seeded resamples). Mean: ± σ, with a Student-t interval. S ± e carries the medians’ interval half-widths through T1/TN; efficiency is S/N ± e/N.`,
      baselineMissing:
        'This run did not keep its 1-worker samples: T1 comes from the stored speedup, so the errors carry only TN’s interval.',
      caption: 'Per worker count, with 95 % intervals',
      colWorkers: 'Workers',
      colN: 'n',
      colMedian: 'Median',
      colCi: '95 % CI of the median',
      colMean: 'Mean ± σ',
      colRange: 'Min … max',
      colSpeedup: 'Speedup S ± e',
      colScaled: 'Scaled speedup ± e',
      colEfficiency: 'Efficiency ± e',
      colKarpFlatt: 'Karp–Flatt e(N)',
      models: 'Models',
      fitF: 'Serial fraction f',
      fitCeiling: 'Ceiling 1/f',
      fitNoCeiling: 'none (f = 0)',
      fitUsl: 'USL σ, κ',
      fitPeak: 'USL peak',
      fitPeakAt: (speedup: string, workers: string) => `${speedup} at ≈ ${workers} workers`,
      fitDrawn: 'Model drawn',
      modelName: { amdahl: 'Amdahl', usl: 'USL' },
      fitR2: 'R²'
    },
    charts: {
      model: 'Speedup with fitted models',
      modelDesc:
        'Measured S ± e, the ideal line and the fitted Amdahl curve (the USL where it fits better).',
      modelDescWeak: 'Scaled speedup N·T1/TN ± e (Gustafson) against the ideal N.',
      efficiency: 'Efficiency',
      efficiencyDesc: 'Speedup ÷ workers ± e; 100 % is perfect scaling.',
      karpFlatt: 'Karp–Flatt serial fraction e(N)',
      karpFlattDesc:
        'e = (1/S − 1/N) ÷ (1 − 1/N) ± error. A growing e is overhead, not serial code.',
      karpFlattWeak:
        'Karp–Flatt describes a fixed job split N ways; this run grows the work with N.',
      karpFlattNone: 'Needs a worker count above one.',
      overhead: 'Where the time goes',
      overheadDesc:
        'Medians per worker count: spawn, dispatch, compute of the mean worker, imbalance (slowest − mean), merge.',
      series: {
        measured: 'Measured S ± e',
        scaled: 'Scaled speedup ± e',
        efficiency: 'Efficiency ± e',
        ideal: 'Ideal (N×)',
        perfect: 'Perfect (100 %)',
        amdahl: (f: string) => `Amdahl, f = ${f}`,
        usl: (sigma: string, kappa: string) => `USL, σ = ${sigma}, κ = ${kappa}`,
        ceiling: (value: string) => `Ceiling 1/f ≈ ${value}×`,
        karpFlatt: 'e(N) ± error',
        spawn: 'Spawn',
        dispatch: 'Dispatch',
        network: 'of which network round trip',
        compute: 'Compute (mean worker)',
        imbalance: 'Imbalance',
        merge: 'Merge'
      },
      axis: {
        workers: 'Workers',
        speedup: 'Speedup (×)',
        efficiency: 'Efficiency (%)',
        karpFlatt: 'e(N)',
        timeMs: 'Time (ms)'
      },
      point: (workers: string, value: string) => `${workers}: ${value}`
    },
    exports: {
      markdown: 'Markdown report',
      study: {
        markdown: 'Study report (Markdown)',
        csv: 'Study CSV',
        json: 'Study JSON',
        html: 'Study HTML report'
      },
      formats: { markdown: 'Markdown', csv: 'CSV', json: 'JSON', html: 'HTML report' }
    }
  },
  /* ── end of the Scaling view's strings ── */
  words: {
    split: 'split',
    replicate: 'replicate',
    weak: 'weak scaling',
    process: 'processes',
    thread: 'threads',
    cluster: 'cluster (NATS)',
    async: 'async (one event loop)',
    warm: 'warm pool',
    cold: 'cold pool'
  },
  /* ── Languages, themes, accessibility, tooltips, explainer (issue 6) ── */
  settings: {
    label: 'Display settings',
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' }
  },
  announce: {
    progress: (percent: string, step: string) => `Benchmark ${percent} done. ${step}.`,
    finished: (speedup: string, workers: number, sum: string) =>
      `Run finished: ${speedup} with ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}; the sum is ${sum}.`
  },
  tips: {
    about: (term: string) => `What is “${term}”?`,
    speedup:
      'Speedup S = median time with 1 worker ÷ median time with N workers. 2× means twice as fast; the ideal for N workers is N×.',
    efficiency:
      'Efficiency = speedup ÷ workers. 100 % means every worker was fully used; lower means time went to overhead or waiting.',
    karpFlatt:
      'Karp–Flatt serial fraction e = (1/S − 1/N) ÷ (1 − 1/N): the share of the work that behaved as if it could not be split. If it grows with N, overhead grows with the workers.',
    median:
      'The middle time of the repetitions: half were faster, half slower. Unlike the mean, one slow outlier barely moves it.',
    sigma:
      'σ (standard deviation): how far single repetitions typically lie from their mean. Small σ means steady timings.',
    interval:
      'A 95 % confidence interval: the range the true median most likely lies in, given these repetitions. More repetitions make it narrower.',
    spawn:
      'Time to start the workers and see them ready (cold pool only): a new process must start a runtime and load code before it adds a single number.',
    sum: 'Every total is checked against the closed form n·(a+b)/2, so a wrong or lost partial sum shows up here.',
    usl: 'Universal Scalability Law: σ (contention) is the share of the work that waits its turn, as Amdahl’s serial fraction; κ (coherence) is what the workers spend keeping each other up to date, which grows with every pair of workers and can make more workers slower.',
    rSquared:
      'R² (fit quality): how much of the measured speedups the curve explains, from 0 (nothing) to 1 (all of it). Below 0.9 the fitted figures say little.',
    pss: 'PSS (proportional set size): a worker’s memory with pages it shares with other processes split evenly among them, so adding up the workers does not count shared pages twice. RSS counts them whole.'
  },
  empty: {
    title: 'No results yet',
    lead: 'Measure how much faster summing a range gets with more workers on this machine:',
    leadCommand: 'Measure how your own command scales with more workers on this machine:',
    step1Command:
      'Write the command line on the left and choose its shape: one process told to use N through {workers}, or N copies at once told apart by {index}.',
    step1:
      'Pick a preset on the left: Tutorial repeats the experiment of the Python tutorial “병렬 처리 - multiprocessing”, All cores splits one big range across every core.',
    step2: (shortcut: string) => `Click Run benchmark at the bottom left (or press ${shortcut}).`,
    step3: 'Read the speedup, the graphs and why it is not N× here.',
    tutorial: 'Set up the multiprocessing tutorial’s experiment',
    explain: 'What am I measuring?'
  },
  chartData: {
    caption: (title: string) => `${title}: data`,
    workers: 'Workers',
    median: 'Median',
    min: 'Min',
    max: 'Max',
    speedup: 'Speedup',
    ideal: 'Ideal',
    interval: '95% interval',
    worker: (index: number) => `worker ${n(index)}`,
    workerCol: 'Worker',
    date: 'Date',
    historySummary: (runs: number, from: string, to: string, latest: string) =>
      `${n(runs)} ${runs === 1 ? 'run' : 'runs'} from ${from} to ${to}; latest: ${latest}.`
  },
  explain: {
    tab: 'What am I measuring?',
    heading: 'What am I measuring?',
    intro:
      'Speedup Lab grew from a Korean tutorial, “병렬 처리 - multiprocessing”. It summed every integer from 0 to 50,000,000 in one process, then in two, and printed “2.4× faster” — with a total of 0. Here is what went wrong, what it got right, and what your own runs say.',
    subject: (date: string, config: string) =>
      `Your numbers below come from the run of ${date} (${config}).`,
    noRuns:
      'You have not run a benchmark yet. Load the Tutorial preset and click Run benchmark: every section below then fills in with your own numbers.',
    loading: 'Reading your runs…',
    tutorialPreset: 'Set up the multiprocessing tutorial’s experiment',
    scalingPreset: 'Set up one job split across all cores',
    zero: {
      heading: '1. Why the tutorial’s total came back 0',
      body: 'Each multiprocessing.Process child has its own memory. The children appended their totals to their own copies of the list result; the parent’s list stayed empty, so it printed 0. Results must be sent back — through a Queue, a Pipe or a Pool’s return value. Speedup Lab’s workers send their partial sums back as messages, and the total is checked against the closed form n·(a+b)/2.',
      run: (date: string, config: string) =>
        `Your run of the tutorial’s shape, ${date} (${config}):`,
      caption: 'The tutorial’s run next to yours',
      tutorial: 'Tutorial (Python)',
      yours: 'Your run (Speedup Lab)',
      work: 'Work',
      tutorialWork: '2 × sum of 0 … 50,000,000',
      yourWork: (workers: number, range: string) => `${n(workers)} × sum of ${range}`,
      yourSplitWork: (range: string, workers: number) =>
        `sum of ${range}, split ${n(workers)} ways`,
      sequential: 'One after another',
      parallel: (workers: number) =>
        `${n(workers)} ${workers === 1 ? 'worker' : 'workers'} at once`,
      ratio: 'Faster by',
      total: 'Total',
      wrongZero: '0 — wrong',
      correct: (sum: string) => `${sum} — correct`,
      wrong: (sum: string) => `${sum} — wrong`,
      verified: (expected: string) => `checked against n·(a+b)/2 = ${expected}`,
      replicateNote: (workers: number) =>
        `Like the tutorial, each of your ${n(workers)} workers summed the whole range: “one after another” is ${n(workers)} × the time of one worker, against all of them at once.`,
      splitNote:
        'Your run split one range among the workers: the ratio is the time of one worker ÷ the time of N on the same job.',
      buildMachine:
        'On this project’s 2-core build machine the tutorial’s own script took 2.42 s and 1.17 s (2.1×) and still printed a total of 0.'
    },
    threads: {
      heading: '2. Threads: no help in CPython, real parallelism in JavaScript',
      python:
        'The tutorial is right about Python: CPython’s global interpreter lock (GIL) lets only one thread run Python code at a time, so two threads summing numbers take as long as one. Threads pay off there only while they wait for the network or files.',
      javascript:
        'JavaScript has no such lock. Each worker_threads worker runs its own V8 engine and event loop, on its own core, truly in parallel — like a process, but cheaper to start and lighter in memory. Workers share no JavaScript objects either: they also send their results back as messages.',
      caption: 'Your runs on threads and on processes',
      backend: 'Backend',
      run: 'Run',
      t1: 'Time, 1 worker',
      tn: 'Time, N workers',
      speedup: 'Speedup',
      at: (speedup: string, workers: number) => `${speedup} with ${n(workers)}`,
      onlyProcess:
        'All your runs so far used processes. Choose Backend → Threads and run the same configuration again to compare.',
      onlyThread:
        'All your runs so far used threads. Choose Backend → Processes and run the same configuration again to compare.',
      none: 'Run the same configuration once with Processes and once with Threads to compare them here.'
    },
    spawn: {
      heading: '3. What starting a worker costs',
      body: 'Before a worker adds a single number it has to start: a process starts a whole JavaScript runtime and loads the worker’s code; a thread is cheaper but not free. The tutorial timed that start-up as part of the job. Speedup Lab times it separately: a cold pool starts the workers inside the timed region (as the tutorial did), a warm pool starts them before timing.',
      cold: (date: string, backend: string) => `Your cold run of ${date} (${backend}):`,
      share: (workers: number, spawn: string, wall: string, percent: string) =>
        `With ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}, starting took ${spawn} of ${wall} (${percent}).`,
      warm: (warm: string, cold: string) =>
        `A warm run of the same job took ${warm} with one worker, against ${cold} cold.`,
      noWarm: 'Run the same configuration with Pool → Warm to see the time without start-up.',
      longer: (spawn: string, job: string) =>
        `Starting one worker took ${spawn}, longer than the job itself (${job}): for a job this short, every extra worker costs more than it saves.`,
      noCold:
        'None of your runs used a cold pool. The Tutorial preset does: run it to see the start-up cost.'
    },
    amdahl: {
      heading: '4. Amdahl’s law: why not N×',
      chart: 'Your speedups and the laws drawn through them',
      chartDesc: 'Measured S with its interval, Amdahl’s curve and, where fitted, the USL’s.',
      body: 'If a fraction f of a job cannot be split — starting, dispatching, merging, waiting for the slowest worker — then N workers reach at best S(N) = 1 ÷ (f + (1 − f)/N), and never more than 1/f however many you add.',
      karpFlatt:
        'Karp–Flatt turns each measured speedup back into that fraction: e = (1/S − 1/N) ÷ (1 − 1/N). A flat e is a true serial part; an e that grows with N is overhead that grows with the workers.',
      run: (date: string, config: string) => `Your split run of ${date} (${config}):`,
      caption: 'Speedup, efficiency and serial fraction per worker count',
      workers: 'Workers',
      speedup: 'Speedup',
      efficiency: 'Efficiency',
      karpFlattCol: 'Karp–Flatt e',
      fit: (f: string, ceiling: string, r2: string) =>
        `Fitted to the worker counts within the cores whose speedups are significant: serial fraction f = ${f} (R² = ${r2}), so no number of workers can go past 1/f ≈ ${ceiling}.`,
      noCeiling: (f: string, r2: string) =>
        `Fitted to the worker counts within the cores whose speedups are significant: f = ${f} (R² = ${r2}) — no serial part shows within what was measured.`,
      noSplit:
        'Amdahl’s law is about one job split N ways. Run the All cores preset (one range split across 1 … all cores) to see your serial fraction.'
    },
    waiting: {
      heading: '6. Threads for waiting',
      why: 'A worker that waits holds no core: while its answer is on the way, the operating system runs someone else. N workers sharing R requests, each answered after a delay, finish in about ceil(R/N) × delay however few cores there are — so waiting scales past the cores, where computing stops. This is the half of the tutorial’s claim that holds in every language: threads are good for I/O.',
      node: 'Node needs no thread to wait on a socket: its event loop (libuv, over epoll, kqueue or IOCP) keeps thousands of sockets waiting on one thread — the async backend here, N requests in flight with no worker at all. Files, dns.lookup, crypto (pbkdf2, scrypt, randomBytes) and zlib are different: the operating system offers Node no way to wait on them without blocking, so libuv runs them on its thread pool, 4 threads by default (UV_THREADPOOL_SIZE raises it, up to 1024). A fifth file read at once waits for a free thread.',
      python:
        'The other half — “threads do not help CPU-bound Python” — is the GIL’s, and it is changing: CPython 3.13’s free-threaded build (python3.13t, PEP 703, still experimental) has no GIL, so threads summing numbers run in parallel on the cores, as this app’s thread backend does. In the default build the GIL is still there and the tutorial’s claim stands.',
      run: (when: string, config: string) => `Your wait run of ${when}: ${config}`,
      figures: (
        workers: number,
        requests: number,
        delay: string,
        tn: string,
        speedup: string,
        ideal: string
      ) =>
        `${n(workers)} ${workers === 1 ? 'worker' : 'workers'} answered ${n(requests)} requests of ${delay} in ${tn}: ${speedup} against an ideal ${ideal}.`,
      pastCores: (workers: number, speedup: string, cores: number) =>
        `Past the cores: ${n(workers)} waiting workers reached ${speedup} on ${n(cores)} ${cores === 1 ? 'core' : 'cores'}, its whole 95% interval above ${n(cores)}. A sum could not: it needs a core for every worker.`,
      withinCores: (cores: number) =>
        `Every count of this run was within the ${n(cores)} ${cores === 1 ? 'core' : 'cores'}, so it cannot show waiting passing them: run more workers than cores (CPU vs waiting in Scaling goes to 16×).`,
      notShown: (workers: number, speedup: string, cores: number) =>
        `${n(workers)} workers reached ${speedup}, not significantly above the ${n(cores)} ${cores === 1 ? 'core' : 'cores'}: this run shows no claim either way (more repetitions, or a longer delay, narrow it).`,
      noWorker: (workers: number) =>
        `No worker at all: one event loop had ${n(workers)} requests in flight.`,
      serverCpu: (cpu: string, wall: string) =>
        `The latency server used ${cpu} of CPU in a repetition of ${wall}: waiting costs little CPU.`,
      none: 'No wait run yet. Run Waiting (I/O) from the form, or CPU vs waiting in Scaling, to see it with your own numbers.'
    }
  },
  /** The app shell's own words: the folded tab menu, run actions, history rows. */
  shell: {
    historyAxis: 'When each run started, oldest to newest',
    historyRun: (index: number, total: number, date: string) =>
      `Run ${n(index)} of ${n(total)} · ${date}`,
    runAgain: 'Run again with these settings',
    copySummary: 'Copy summary',
    summaryCopied: 'Summary copied to the clipboard (Markdown: the verdict and the table).',
    copyFailed: 'Could not copy to the clipboard.',
    showInFolder: 'Show in folder',
    loadingView: 'Loading…',
    onWorkers: (count: number) => `on ${n(count)} ${count === 1 ? 'worker' : 'workers'}`
  },
  /* ── Kernels: the js loop and the wasm SIMD loop (issue 10) ── */
  kernels: {
    legend: 'Kernel',
    js: 'JavaScript',
    jsHint: 'The tutorial’s loop: one addition per element, in a double (exact, in chunks).',
    wasm: 'WebAssembly SIMD',
    wasmHint:
      'The same sum, every element still added, eight at a time in 128-bit vectors: several times faster.',
    words: { js: 'js kernel', wasm: 'wasm kernel' },
    perWorker: 'Per worker',
    perWorkerTip:
      'Elements each worker added per second of its own compute time (the median worker over every repetition).',
    compare: 'Compare kernels',
    compareHint:
      'Runs the size sweep with both kernels. The start-up and messaging cost stays the same, so a faster loop needs a bigger job before N workers win.',
    heading: 'Kernels compared',
    caption:
      'Per kernel: speed of the loop, where N workers first win, and the speedup at the largest size',
    kernel: 'Kernel',
    nsPerElement: 'ns / element',
    breakEven: (pool: string) => `Break-even (${pool})`,
    speedupAt: (size: string) => `Speedup at ${size}`,
    never: (size: string) => `above ${size}`,
    always: (size: string) => `below ${size}`,
    about: (size: string) => `about ${size}`,
    somewhere: (lower: string, upper: string) => `somewhere in ${lower} … ${upper}`,
    noisy: '(noisy)',
    unclear: 'unclear',
    explainer: {
      heading: '5. A faster loop makes parallelism pay off later',
      body: 'Splitting a job saves compute time but adds a fixed cost: starting or waking the workers, sending the jobs, collecting the sums. A faster kernel shrinks the compute and leaves that cost as it was, so N workers need a bigger job before they win, and at any fixed size the speedup is lower.',
      yours: (fast: string, slow: string, ratio: string) =>
        `Your study: the ${fast} loop took ${ratio}× less time per element than the ${slow} loop.`,
      breakEven: (pool: string, slow: string, slowSize: string, fast: string, fastSize: string) =>
        `${pool}: the break-even size, where N workers first win, is ${slowSize} elements with ${slow} and ${fastSize} with ${fast}.`,
      speedup: (size: string, slow: string, slowS: string, fast: string, fastS: string) =>
        `At ${size} elements the speedup was ${slowS} with ${slow} and ${fastS} with ${fast}.`,
      none: 'Run a size sweep with “Compare kernels” in the Scaling view to see it with your numbers.'
    }
  },
  // Issue 12: validation issues worded from their codes (src/shared/issueCodes.ts).
  issues: {
    fields: {
      start: 'start',
      end: 'end',
      range: 'range',
      workers: 'workers',
      worker: 'a worker count',
      workload: 'workload',
      backend: 'backend',
      pool: 'pool',
      warmup: 'warmup',
      reps: 'reps',
      '(config)': 'configuration',
      size: 'a size',
      sizes: 'sizes',
      backendItem: 'a backend',
      backends: 'backends',
      kernel: 'kernel',
      kernels: 'kernels',
      requests: 'requests',
      delayMs: 'delay (ms)',
      wait: 'waiting'
    } as Record<string, string>,
    codes: {
      required: (f: string) => `${f} is required`,
      'not-a-number': (f: string) => `${f} must be a number`,
      'not-a-number-or-auto': (f: string) => `${f} must be a number or auto`,
      'not-integer': (f: string) => `${f} must be a whole number`,
      'not-safe-integer': (f: string) => `${f} must be a safe integer (|x| ≤ 2^53 − 1)`,
      'not-a-list': (f: string) => `${f} must be a list`,
      'not-an-object': (f: string) => `${f} must be { start, end }`,
      'too-small': (f: string, min: number) => `${f} must be at least ${n(min)}`,
      'too-big': (f: string, max: number) => `${f} must be at most ${n(max)}`,
      'too-few': (f: string, min: number) => `${f}: give at least ${n(min)}`,
      'too-many': (f: string, max: number) => `${f}: at most ${n(max)}`,
      'one-of': (f: string, values: string) => `${f} must be one of ${values}`,
      'unknown-fields': (names: string) => `unknown fields: ${names}`,
      'range-empty': () => 'end must be greater than start (an empty range has nothing to sum)',
      'weak-unsafe': () =>
        'weak scaling extends the range N times: it must stay within the safe integers',
      'server-required': () => 'give the NATS server',
      'server-invalid': (reason: string) => `NATS server: ${reason}`,
      'study-server-required': () =>
        'comparing with the cluster needs its NATS server (e.g. nats://host:4222)',
      'study-empty': () => 'a study needs sizes to sweep, backends to compare, or both',
      'not-distinct': (f: string) => `${f} must be distinct`,
      'sweep-needs-two': () =>
        'a size sweep compares 1 worker with N: give a worker count of at least 2',
      'size-unsafe': (size: number, copies: number) =>
        `start + ${n(size)}${copies > 1 ? ` × ${n(copies)}` : ''} leaves the safe integers`,
      'not-a-size': (text: string) => `"${text}" is not a size (e.g. 100_000, 1e5 or 10^5)`,
      'not-a-span': (text: string) => `"${text}" is not A..B`,
      'span-upwards': (text: string) => `"${text}": a span must go upwards from at least 1`,
      'no-sizes': () => 'give at least one size',
      'kernel-unsupported': (worker: string) =>
        `${worker} cannot run the wasm kernel: its runtime has no WebAssembly SIMD (i64x2). Choose the js kernel.`,
      'command-empty': () => 'the command is empty',
      'command-too-long': (max: number) => `the command is longer than ${n(max)} characters`,
      'command-nul': () => 'the command contains a NUL character',
      'command-needs-shell': () =>
        'this needs a shell (a pipe, redirection, variable or pattern): turn “Run through the shell” on',
      'command-unclosed-quote': () => 'a quote is not closed',
      'command-trailing-backslash': () => 'the command ends with a backslash',
      'placeholder-unknown': (placeholder: string, role: string, known: string) =>
        `${role} does not know {${placeholder}}; it knows ${known || 'no placeholder'}`,
      'size-unused': () =>
        'a size sweep of your command needs {size} in its command line, and the values it takes',
      'program-not-found': (program: string) => `not found: ${program}`,
      'command-local-only': () =>
        'a command runs only on this machine, as processes: choose the process backend',
      'command-study-sizes-only': () =>
        "a command's study is a size sweep of {size}: comparing backends, kernels or workloads is for the sum",
      'cwd-missing': (path: string) => `not a folder: ${path}`,
      'async-needs-wait': () =>
        'no worker (async) only waits: it has no core to compute the sum on; choose processes or threads',
      'wait-required': () => 'give the waiting job its requests and delay',
      'wait-split-only': () => 'waiting shares its R requests among the workers: split only',
      'wait-not-on-cluster': () =>
        "waiting runs only on this machine: its server is on this machine's 127.0.0.1, which remote workers cannot reach",
      invalid: (f: string) => `${f} is not valid`
    }
  },
  /* ── Your command (issue 20) ── */
  command: {
    whatToRun: 'What to run',
    sum: 'The sum',
    sumHint: 'The tutorial’s job: add every integer of a range, checked against the closed form.',
    job: 'Your command',
    jobHint: 'How does your own command scale: one process told to use N, or N copies at once?',
    card: 'Copies that exited 0',
    cardOk: 'all',
    cardBad: 'NOT all',
    cardOf: (copies: string) => `of ${copies} copies`,
    cardOfRun: (copies: string) => `of ${copies} copies, every repetition`,
    line: 'Command line',
    linePlaceholder: 'xz -T{workers} -c data.bin > /dev/null',
    shape: 'Shape',
    shapeWorkers: 'One process, N workers',
    shapeWorkersHint:
      'The command is told to use N through {workers}, as in xz -T{workers}. Speedup T1 ÷ TN.',
    shapeCopies: 'N copies at once',
    shapeCopiesHint: 'N copies run together, told apart by {index}. Scaled speedup N·T1 ÷ TN.',
    shell: 'Run through the shell (sh -c)',
    shellHint: 'Off: the words run directly; pipes, redirections and $VARS are refused.',
    cwd: 'Working folder',
    cwdHint: 'Empty: the folder the app started in.',
    chooseFolder: 'Choose…',
    timeout: 'Timeout per repetition',
    timeoutHint: 'A copy still running then is stopped and its repetition fails: 30s, 10m, 1h.',
    timeoutBad: 'not a duration (e.g. 30s, 10m, 1h)',
    setup: 'Setup (once before)',
    prepare: 'Prepare (before each repetition, not timed)',
    cleanup: 'Cleanup (once after)',
    ignoreFailure: 'Keep going when a copy fails (mark its repetition)',
    placeholders: 'Placeholders',
    placeholderWorkers: '{workers}: N, this repetition’s worker count',
    placeholderIndex: '{index}: the copy’s number, 0 … N−1 (N copies only)',
    placeholderRep: '{rep}: the repetition number (warm-ups 0)',
    placeholderSize: '{size}: each size of a size sweep (Scaling sweeps its values, 1 worker vs N)',
    sizes: 'Values of {size}',
    sizesHint:
      'Separated by commas (1000, 1e4, 10^3..10^5). Several values: Run sweeps them all, 1 worker vs N, shown in Scaling.',
    placeholderLifecycle:
      'Prepare knows {workers} and {rep}; setup and cleanup know none. Any other {name} is refused; quote a literal brace.',
    confirmNote:
      'Before a command first runs, the app shows its exact text and asks you to confirm it.',
    cpuUtilization: 'CPU utilization',
    cpuUtilizationHint: 'CPU time ÷ (wall × N): did the job keep N cores busy?',
    notMeasured: 'not measured',
    exitZero: 'Every copy exited 0',
    wrongTitle: 'A copy failed: no timing counts',
    wrongReason: (workers: string) =>
      `Not every copy exited 0 with ${workers} worker(s): no timing means anything until every copy succeeds.`,
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `Too small a job: with ${n(workers)} ${workers === 1 ? 'copy' : 'copies'}, each runs for ${compute}, against ${overhead} of overhead per repetition. Give the command more work.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `Slower with more workers: even the best, ${n(workers)}, reach only ${speedup} (${ci}). Overhead dominates this command; give it more work.`,
    scaledNote:
      'Scaled speedup N·T1/TN: N copies run at once, each the whole command (N× the work); ideal N.',
    exitedOf: (exited: number, copies: number) => `${exited} of ${copies} exited 0`,
    exitFailed: 'A copy failed',
    notCorrect: 'At least one copy did not exit 0 (see the warnings for which, and why).'
  },
  /* ── CPU vs waiting, a study of the Scaling tab (issue 17) ── */
  workloads: {
    option: 'CPU vs waiting',
    hint: (list: string) =>
      `The sum (processes) and waiting (threads, processes, no worker) over ${list} workers, one job shared on warm pools: the sum stops at the cores, waiting does not. Runs on its own.`,
    alone: 'CPU vs waiting runs on its own: the other studies are off while it is chosen.',
    tutorial: 'Tutorial: CPU vs waiting',
    tutorialHint:
      'The tutorial’s other half: “threads for I/O, processes for CPU”, measured. Fills the Tutorial preset and chooses CPU vs waiting in Scaling.',
    heading: 'CPU vs waiting',
    intro:
      'Each workload’s speedup on its backend over the same worker counts, the cores marked: computing shares the cores, waiting does not.',
    chart: 'Speedup: computing vs waiting',
    chartDesc: (cores: number) =>
      `Speedup T1/TN ± e of the sum and of waiting; the line marks the ${n(cores)} ${cores === 1 ? 'core' : 'cores'}.`,
    job: { sum: 'sum', wait: 'waiting' } as Record<'sum' | 'wait', string>,
    backend: { process: 'processes', thread: 'threads', async: 'no worker (async)' } as Record<
      string,
      string
    >,
    cores: (cores: number) => `${n(cores)} ${cores === 1 ? 'core' : 'cores'}`,
    oversubscribed: 'Oversubscribed (more workers than cores, taking turns on the CPU)',
    overAt: (what: string, list: string) => `${what}: ${list}`,
    overNone: (what: string) => `${what}: none — waiting workers do not take turns on the cores`,
    overNoneSum: (what: string) => `${what}: none`
  },
  /* ── Waiting (I/O), the tutorial's other half (issue 17) ── */
  wait: {
    job: 'Waiting (I/O)',
    jobHint:
      'The tutorial’s other half: R requests to a server on this machine that answers each after a fixed delay, shared among N workers that only wait.',
    heading: 'Requests',
    requests: 'Requests (R)',
    requestsHint: 'Shared among the workers: each sends its share one after another.',
    delay: 'Delay (ms)',
    delayHint: 'How long the server waits before it answers a request.',
    idealFacts: (ideal1: string) =>
      `Ideal with 1 worker: R × delay = ${ideal1}; with N: ceil(R/N) × delay.`,
    asyncHint: 'No worker at all: N requests in flight on the engine’s own event loop.',
    asyncNotForSum:
      'No worker (async) is offered only for waiting: one event loop can wait on many requests at once, but it computes on one core — the sum needs processes or threads.',
    ideal: 'Ideal',
    idealTip:
      'The bound ceil(R/N) × delay: each worker sends its ceil(R/N) requests one after another, each answered after the delay. No run can be faster.',
    serverCpu: 'Server CPU',
    serverCpuTip:
      'The latency server’s CPU time per repetition (median) serving requests: answering after a delay costs almost no CPU. The turns of its loop in the last millisecond before each answer, which keep the delay exact, are not counted.',
    answered: 'Every request answered once',
    answeredLabel: 'every request answered exactly once',
    unansweredLabel: 'not every request answered exactly once',
    notMeasured: 'not measured',
    wallTimeDesc:
      'Bars: the median wall time; dots: every measured repetition; dashes: the ideal bound ceil(R/N) × delay.',
    speedupDesc:
      'Measured speedup with its 95% interval, against the ideal R ÷ ceil(R/N): waiting workers do not share the cores, so it can pass them.',
    idealBound: 'Ideal bound ceil(R/N) × delay',
    idealSpeedup: 'Ideal R ÷ ceil(R/N)',
    card: 'Requests answered',
    cardOk: 'each once',
    cardBad: 'NOT each once',
    cardOf: (requests: string) => `of ${requests} requests`,
    notCorrect: 'At least one request was not answered exactly once.',
    wrongTitle: 'A request went unanswered: no timing counts',
    wrongReason: (workers: string) =>
      `Not every request was answered exactly once with ${workers} worker(s): no timing means anything until each is.`,
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `Too small a job: with ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}, each waits for ${compute}, against ${overhead} of overhead per repetition. Send more requests or use a longer delay.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `Slower with more workers: even the best, ${n(workers)} workers, reach only ${speedup} (${ci}). Overhead dominates this job; send more requests or use a longer delay.`
  },
  // Issue 12: bounds on the work of one run (src/shared/limits.ts).
  limits: {
    confirmLong: (estimate: string, bound: string) =>
      `This run is estimated to take about ${estimate}, more than ${bound}. It can be cancelled at any time. Start it?`
  },
  /* ── Cluster backend (issue 11) ── */
  cluster: {
    server: 'NATS server',
    serverHint:
      'nats://host:4222, or nats://user:password@host:4222; several servers of one NATS cluster separated by commas — credentials are used, never shown or saved.',
    test: 'Test connection',
    testing: 'Connecting…',
    found: (agents: number, workers: number) =>
      `${agents} ${agents === 1 ? 'agent' : 'agents'}, ${workers} free ${workers === 1 ? 'worker' : 'workers'}`,
    none: 'Connected, but no agent answered. Start one: speedup-lab worker --server …',
    failed: (message: string) => `Could not connect: ${message}`,
    caption: 'Workers found on the cluster',
    host: 'Host',
    agent: 'Agent',
    cores: 'Cores',
    kernels: 'Kernels',
    workers: 'Free / workers',
    roundTrip: 'Round trip',
    kind: { process: 'processes', thread: 'threads' },
    sharedName: (name: string) =>
      `Several agents are named ${name}: they are told apart by their ids (${name} #…). Give each agent its own name when you start it.`
  },
  /** Issue 9: the run's verdict and per-row verdicts, worded from the analysis's codes. */
  verdicts: {
    heading: 'Verdict',
    faster: (workers: number, speedup: string, interval: string) =>
      `${n(workers)} workers are ${speedup} faster than one (${interval}).`,
    slower: (workers: number, speedup: string, interval: string) =>
      `Slower with more workers: even the best, ${n(workers)} workers, reach only ${speedup} (${interval}); overhead dominates this job. Use a larger range.`,
    noDifference: (workers: number, speedup: string, interval: string) =>
      `No significant difference from one worker: the best, ${n(workers)} workers, reach ${speedup} (${interval}), an interval that includes 1.`,
    interval: (low: string, high: string) => `95% interval ${low} … ${high}`,
    ciShort: (low: string, high: string) => `95% CI ${low}–${high}`,
    noInterval: (reps: number) =>
      `no 95% interval: ${n(reps)} ${reps === 1 ? 'repetition is' : 'repetitions are'} too few; use 5 or more`,
    tooSmall: (compute: string, overhead: string) =>
      `Too small to measure a speedup: each worker computes for ${compute}, against ${overhead} of overhead per repetition. Use a larger range or a warm pool.`,
    baselineOnly:
      'Only one worker was measured, so there is nothing to compare. Add worker counts (e.g. 1, 2).',
    wrongTotal: (workers: string) =>
      `Wrong total with ${workers} worker(s): no timing means anything until the sum is right.`,
    oversubscribed: (workers: string, cores: number) =>
      `${workers} workers exceed the ${n(cores)} available cores: they take turns on the CPU, so no speedup beyond ${n(cores)}× is possible.`,
    scaledNote: 'Scaled speedup N·T1/TN: each worker does its own share (N× the work); ideal N.',
    overheadDominates: (workers: number, speedup: string) =>
      `${n(workers)} workers ran slower than one (${speedup}): overhead dominates this job, so Amdahl’s serial fraction does not apply (it would exceed 1). Use a larger range.`,
    karpFlattOutside:
      'No worker count reached a speedup between 1 and N: overhead dominates, so Karp–Flatt e(N) would not be a serial fraction.',
    scaledSpeedup: 'Scaled speedup',
    speedupCi: '95% CI (speedup)',
    column: 'Verdict',
    noCi: (reps: number) => `— (n = ${n(reps)})`,
    // One word per verdict for the app, the CLI and every export.
    row: REPORT_WORDS.en.results.verdictWord
  },
  compare: {
    button: 'Compare',
    buttonHint: 'Select exactly two runs to compare them side by side.',
    selectTwo: 'Select exactly two runs in History to compare them.',
    heading: 'Comparing two runs',
    back: 'Back to history',
    swap: 'Swap baseline and candidate',
    loading: 'Loading both runs…',
    baseline: 'Baseline',
    candidate: 'Candidate',
    chart: 'Time ratio per worker count',
    chartDesc:
      'Candidate ÷ baseline with its 95% interval; below 1 is faster. Inside the shaded band is no change.',
    chartSeries: 'Time ratio',
    chartAxis: 'Candidate ÷ baseline time',
    noChangeBand: (percent: string) => `no change: ±${percent}%`,
    caption: 'Candidate ÷ baseline per worker count, with 95% bootstrap intervals',
    explain: (threshold: string) =>
      `A time ratio below 1 means the candidate is faster; a speedup ratio above 1 means it scales better. A change counts only when its 95% interval excludes 1 and it is larger than the ${threshold} noise threshold.`,
    columns: {
      workers: 'Workers',
      median: 'Median before → after',
      timeRatio: 'Time ratio [95% CI]',
      time: 'Time',
      speedup: 'Speedup before → after',
      speedupRatio: 'Speedup ratio [95% CI]',
      speedupVerdict: 'Speedup'
    },
    verdict: { improved: 'Improved', regressed: 'Regressed', 'no-change': 'No change' },
    noInterval: 'no interval (fewer than 3 samples)',
    changed: (workers: number, verdict: string, change: string) =>
      `${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: ${verdict}, median ${change}`,
    unchanged: (threshold: string) =>
      `No change beyond the ${threshold} noise threshold at any worker count.`,
    /** How a difference's setting and values are named (lib/compareDifference.ts). */
    field: {
      job: 'job',
      command: 'command',
      wait: 'requests and delay',
      backend: 'backend',
      cluster: 'cluster server',
      pool: 'pool',
      kernel: 'kernel',
      warmup: 'warm-ups',
      reps: 'repetitions',
      serial: 'serial base case',
      machine: 'machine'
    } as Record<string, string>,
    value: { auto: 'auto', yes: 'yes', no: 'no', async: 'async', none: '—' },
    difference: (field: string, baseline: string, candidate: string) =>
      `Compared across ${field}: ${baseline} → ${candidate}`,
    onlyBaseline: (list: string) => `Only in the baseline, not compared: ${list} workers`,
    onlyCandidate: (list: string) => `Only in the candidate, not compared: ${list} workers`,
    refused: 'These runs cannot be compared',
    side: { baseline: 'the baseline', candidate: 'the candidate' },
    refusal: {
      differentRange: (baseline: string, candidate: string) =>
        `They summed different ranges (baseline ${baseline}, candidate ${candidate}), so their times measure different jobs.`,
      differentWorkload: (baseline: string, candidate: string) =>
        `They used different workloads (baseline ${baseline}, candidate ${candidate}), so their times measure different jobs.`,
      noCommonWorkers: (baseline: string, candidate: string) =>
        `No worker count was measured in both (baseline ${baseline}, candidate ${candidate}).`,
      wrongSum: (side: string, workers: number) =>
        `The total of ${side} for ${n(workers)} ${workers === 1 ? 'worker' : 'workers'} was wrong: its times measure a broken run.`,
      noSamples: (side: string, workers: number) =>
        `${side} has no samples for ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}.`
    },
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    exportMarkdown: 'Export Markdown',
    exportHtml: 'Export HTML report',
    exportName: {
      csv: 'Comparison CSV',
      json: 'Comparison JSON',
      markdown: 'Comparison Markdown',
      html: 'Comparison HTML report'
    }
  },
  repetitions: {
    formHint:
      'A number, or auto: each worker count at least 5 times and for 3 s in all (at most 100).',
    planAuto: (min: number, seconds: number, max: number, expected: string, duration: string) =>
      `Repetitions chosen for you: at least ${n(min)} and ${n(seconds)} s per worker count, at most ${n(max)} (about ${expected} here). The run takes about ${duration} (estimated before timing).`,
    planFixed: (reps: number, duration: string) =>
      `${n(reps)} ${reps === 1 ? 'repetition' : 'repetitions'} per worker count, about ${duration} (estimated before timing).`,
    planAutoCommand: (min: number, seconds: number, max: number) =>
      `Repetitions chosen for you: at least ${n(min)} and ${n(seconds)} s per worker count, at most ${n(max)}. The duration is estimated from the command’s first repetition.`,
    planFixedCommand: (reps: number) =>
      `${n(reps)} ${reps === 1 ? 'repetition' : 'repetitions'} per worker count; the duration is estimated from the command’s first repetition.`
  },
  /** Issue 13: the verdict block that leads the Results tab (components/Results/VerdictBlock.svelte). */
  verdictBlock: {
    label: 'Verdict',
    faster: (workers: number, speedup: string, ci: string) =>
      `${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: ${speedup} faster (${ci})`,
    fasterScaled: (workers: number, speedup: string, ci: string) =>
      `${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: scaled speedup ${speedup} (${ci})`,
    ci: (low: string, high: string) => `95% CI ${low}–${high}`,
    efficiency: (efficiency: string, workers: number) =>
      `${efficiency} of the ideal ${n(workers)}× (efficiency: speedup ÷ workers).`,
    /** The wait: its ideal is R ÷ ceil(R/N), not N (N workers share R requests in whole rounds). */
    ofIdealWait: (share: string, ideal: number, requests: number, workers: number) =>
      `${share} of the ideal ${formatTick(ideal, 'en')}× (${n(requests)} requests on ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}: R ÷ ceil(R/N)).`,
    noSpeedup: 'No significant speedup',
    wrongTotal: 'Wrong total: no timing counts',
    why: 'Why',
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `Too small a job: with ${n(workers)} ${workers === 1 ? 'worker' : 'workers'}, each computes for ${compute}, against ${overhead} of overhead per repetition. Use a larger range or a warm pool.`,
    includesOne: (workers: number, speedup: string, ci: string) =>
      `The interval includes 1: the best, ${n(workers)} workers, reach ${speedup} (${ci}), within the noise of one worker.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `Slower with more workers: even the best, ${n(workers)} workers, reach only ${speedup} (${ci}). Overhead dominates this job; use a larger range.`,
    fewReps: (reps: number, workers: number, speedup: string) =>
      `${reps === 1 ? 'A single repetition' : `Only ${n(reps)} repetitions`}: ${n(workers)} workers reach ${speedup}, but without a 95% interval that is no claim. Use 5 repetitions or more.`,
    oversubscribed: (workers: string, cores: number) =>
      `Oversubscribed: ${workers} workers on ${n(cores)} available cores take turns on the CPU, so no speedup beyond ${n(cores)}× is possible.`,
    baselineOnly:
      'Only one worker was measured: there is nothing to compare. Add worker counts (e.g. 1, 2).',
    warnings: 'Worth checking for this run'
  }
}

export type Messages = typeof en
