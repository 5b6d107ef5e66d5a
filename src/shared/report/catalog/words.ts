/**
 * The words of a report around the findings: titles, section names, column
 * heads, the lines that say what was measured and where, chart labels. One
 * entry per language; the English is what the CLI and the Markdown report
 * have always printed.
 */
import type { ReportLanguage } from '../language'

export interface ReportWords {
  title: { run: string; study: string; comparison: string }
  section: {
    verdict: string
    results: string
    overhead: string
    models: string
    warnings: string
    method: string
    system: string
    charts: string
    notes: string
    kernels: (backend: string, workers: number) => string
    sweep: (what: string) => string
    network: (what: string) => string
    backends: (cluster: boolean) => string
    backendSweep: (backend: string) => string
    workloads: string
  }
  /** CPU vs waiting: the sum and the wait side by side (issue 17). */
  workloads: {
    workers: string
    series: (job: string, backend: string) => string
    atCores: string
    note: (cores: number) => string
  }
  none: string
  runLine: (id: string, startedAt: string) => string
  studyLine: (id: string, startedAt: string) => string
  /** "Sum of [0, 1,000) · split · process · warm pool · js kernel · 1 warm-up, 5 reps". */
  config: {
    sumOf: (start: string, end: string) => string
    /** "Wait: 64 requests × 20 ms (ideal ceil(R/N)·delay)". */
    waitOf: (requests: string, delayMs: number) => string
    /** "Copies: gzip -c part{index}.bin" or "Command (no shell): xz -T{workers} …". */
    commandOf: (shape: 'workers' | 'copies', line: string, shell: boolean) => string
    pool: (pool: string) => string
    /** How the job is shared (split, replicate, weak): the CLI's own word in English. */
    workload: (workload: string) => string
    /** Where it runs (process, thread, cluster, async): the CLI's own word in English. */
    backend: (backend: string) => string
    /** The workload run (sum, wait, command): the CLI's own word in English. */
    job: (job: string) => string
    kernel: (kernel: string) => string
    reps: (warmup: number | 'auto', reps: number | 'auto') => string
    perPoint: (warmup: number | 'auto', reps: number | 'auto') => string
  }
  system: (cpu: string, logical: number, available: number, os: string, node: string) => string
  cluster: string
  workersCount: (n: number) => string
  warningAt: (where: string | null, workers: number) => string
  /** Run results table. */
  results: {
    workers: string
    n: string
    median: string
    medianSigma: string
    ciMedian: string
    meanSigma: string
    minMax: string
    spawn: string
    speedup: (weak: boolean, compact: boolean) => string
    ciSpeedup: (compact: boolean) => string
    verdict: string
    efficiency: (compact: boolean) => string
    karpFlatt: (compact: boolean) => string
    perWorker: string
    sum: string
    /** The wait workload's check column: requests answered exactly once. */
    answered: string
    answeredOnce: (answered: string, requests: string) => string
    /** The wait's columns: its ideal time ceil(R/N)·delay and the latency server's CPU time. */
    ideal: string
    serverCpu: string
    waitNote: string
    overCores: string
    gotSum: (sum: string) => string
    /** The command workload's columns: CPU utilization and every copy exiting 0. */
    cpuUse: string
    /** A command's copies' user + system CPU time, and their largest peak memory (full tables). */
    cpuTime: string
    peakMemory: string
    exitZero: string
    notMeasured: string
    exitedZero: (exited: string, copies: string) => string
    copiesWeakNote: string
    cpuUseNote: string
    weakNote: (workload: string) => string
    overNote: (cores: number) => string
    /** The serial base case's row label: the job in the controller's thread, no worker. */
    serialRow: string
    serialNote: string
    verdictWord: Record<'baseline' | 'faster' | 'slower' | 'no-difference' | 'too-small', string>
  }
  overhead: {
    intro: string
    networkIntro: string
    workers: string
    spawn: string
    dispatch: string
    network: string
    computeSlowest: string
    computeMean: string
    imbalance: string
    merge: string
  }
  baselineMissing: string
  studyMethod: string
  sweep: {
    size: string
    one: (workload: string, n: number) => string
    many: (n: number) => string
    speedup: string
    winner: string
    breakEven: string
    manyWin: (n: number) => string
    oneWins: string
    withinErrors: string
    wrongTotal: string
    intro: string
    /** A command's sweep: its label, and its size column (the values of {size}). */
    command: string
    commandSize: string
    copyFailed: string
  }
  kernels: {
    kernel: string
    nsPerElement: string
    perWorker: string
    breakEven: (pool: string) => string
    speedupAt: (size: string) => string
  }
  network: {
    size: string
    local: (backend: string, n: number) => string
    cluster: (n: number) => string
    network: string
    share: string
    backend: string
    breakEven: string
    difference: string
    intro: (n: number) => string
  }
  backends: {
    workers: string
    /** `interval`: some cell shows its 95% interval; without one the header names none. */
    median: (backend: string, interval: boolean) => string
    speedup: (backend: string) => string
    backend: string
    coldStart: string
    rss: string
    pss: string
    amdahl: string
    memoryBy: string
    notMeasuredRemote: string
    notMeasuredHere: string
    intro: string
  }
  comparison: {
    line: (baseline: string, baselineAt: string, candidate: string, candidateAt: string) => string
    settings: (
      range: string,
      workload: string,
      level: string,
      resamples: number,
      seed: number,
      threshold: string
    ) => string
    workers: string
    baselineMedian: string
    candidateMedian: string
    timeRatio: string
    time: string
    speedupChange: string
    speedupRatio: string
    speedup: string
    across: (field: string, baseline: string, candidate: string) => string
    onlyBaseline: (list: string) => string
    onlyCandidate: (list: string) => string
  }
  chart: {
    speedup: string
    speedupDesc: string
    wallTime: string
    wallTimeDesc: string
    timeline: (workers: number) => string
    timelineDesc: string
    workers: string
    speedupAxis: string
    wallAxis: string
    timeAxis: string
    ideal: string
    measured: string
    interval: string
    median: string
    minMax: string
    worker: (i: number) => string
    size: string
    sizeSpeedup: (backend: string, pool: string) => string
    /** A command's sweep: the chart's title and x axis (the values of {size}). */
    commandSizeSpeedup: string
    commandSize: string
    sizeSpeedupDesc: string
    phase: { spawn: string; dispatch: string; compute: string; collect: string }
  }
  /** Shown at the foot of an HTML report. */
  footer: (version: string) => string
}

const n = (value: number): string => value.toLocaleString('en-US')
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

const en: ReportWords = {
  title: {
    run: 'Speedup Lab report',
    study: 'Speedup Lab study',
    comparison: 'Speedup Lab comparison'
  },
  section: {
    verdict: 'Verdict',
    results: 'Results',
    overhead: 'Where the time goes',
    models: 'Models',
    warnings: 'Warnings',
    method: 'Method',
    system: 'System',
    charts: 'Charts',
    notes: 'Notes',
    kernels: (backend, workers) => `Kernels compared (${backend}, 1 vs ${workers} workers)`,
    sweep: (what) => `Problem size: ${what}`,
    network: (what) => `Network cost: ${what}`,
    backends: (cluster) => (cluster ? 'Backends side by side' : 'Threads vs processes'),
    backendSweep: (backend) => `${backend}: the worker sweep`,
    workloads: 'CPU vs waiting'
  },
  none: 'None.',
  runLine: (id, at) => `Run ${id}, ${at}`,
  studyLine: (id, at) => `Study ${id}, ${at}`,
  config: {
    sumOf: (start, end) => `Sum of [${start}, ${end})`,
    waitOf: (requests, delayMs) =>
      `Wait: ${requests} requests × ${delayMs} ms (ideal ceil(R/N)·delay)`,
    commandOf: (shape, line, shell) =>
      `${shape === 'copies' ? 'Copies' : 'Command'}${shell ? '' : ' (no shell)'}: ${line}`,
    pool: (pool) => `${pool} pool`,
    workload: (workload) => workload,
    backend: (backend) => backend,
    job: (job) => job,
    kernel: (kernel) => `${kernel} kernel`,
    reps: (warmup, reps) => `${warmups(warmup)}, ${reps} reps`,
    perPoint: (warmup, reps) => `${warmups(warmup)}, ${reps} reps per point`
  },
  system: (cpu, logical, available, os, node) =>
    `${cpu} · ${logical} logical cores (${available} available) · ${os} · Node ${node}`,
  cluster: 'Cluster',
  workersCount: (count) => plural(count, 'worker'),
  warningAt: (where, workers) => `${where ? `${where}, ` : ''}${plural(workers, 'worker')}`,
  results: {
    workers: 'Workers',
    n: 'n',
    median: 'Median (ms)',
    medianSigma: 'Median ± σ (ms)',
    ciMedian: '95% CI (median)',
    meanSigma: 'Mean ± σ (ms)',
    minMax: 'Min … Max (ms)',
    spawn: 'Spawn (ms)',
    speedup: (weak, compact) =>
      weak ? (compact ? 'Scaled S ± e' : 'Scaled speedup ± e') : 'Speedup ± e',
    ciSpeedup: (compact) => (compact ? '95% CI (S)' : '95% CI (speedup)'),
    verdict: 'Verdict',
    efficiency: (compact) => (compact ? 'Efficiency' : 'Efficiency ± e'),
    karpFlatt: (compact) => (compact ? 'Karp–Flatt' : 'Karp–Flatt e(N)'),
    perWorker: 'Per worker',
    sum: 'Sum',
    answered: 'Answered',
    answeredOnce: (answered, requests) => `✗ ${answered} of ${requests} once`,
    ideal: 'Ideal (ms)',
    serverCpu: 'Server CPU (ms)',
    waitNote:
      "Ideal = ceil(R/N)·delay. Server CPU: the latency server's CPU time per repetition (median) serving requests, not counting the loop turns that keep each answer's time.",
    overCores: ' (> cores)',
    gotSum: (sum) => `✗ got ${sum}`,
    cpuUse: 'CPU use',
    cpuTime: 'CPU user + sys (ms)',
    peakMemory: 'Peak memory',
    exitZero: 'Exit 0',
    notMeasured: 'not measured',
    exitedZero: (exited, copies) => `✗ ${exited} of ${copies}`,
    copiesWeakNote: 'Scaled speedup S = N·T1/TN (N copies at once; ideal N).',
    cpuUseNote:
      'CPU use = CPU time ÷ (wall × N), median over repetitions: did the job keep N cores busy?',
    weakNote: (workload) =>
      `Scaled speedup S = N·T1/TN (${workload}: N workers do N× the work; ideal N).`,
    overNote: (cores) => `! more workers than the ${cores} available cores.`,
    serialRow: 'serial',
    serialNote:
      'serial: the job in the controller’s own thread, no worker (the cost of having a worker is 1 worker − serial).',
    verdictWord: {
      baseline: 'baseline',
      faster: 'faster',
      slower: 'slower',
      'no-difference': 'not significant',
      'too-small': 'too small'
    }
  },
  overhead: {
    intro:
      `Medians over the repetitions. Dispatch is the wall time beyond ` +
      `the slowest worker's start-up and compute; imbalance is slowest ÷ mean compute − 1.`,
    networkIntro:
      " Network is the slowest link's round trip, measured before the run (part of dispatch).",
    workers: 'Workers',
    spawn: 'Spawn (ms)',
    dispatch: 'Dispatch (ms)',
    network: 'Network (ms)',
    computeSlowest: 'Compute, slowest (ms)',
    computeMean: 'Compute, mean (ms)',
    imbalance: 'Imbalance',
    merge: 'Merge (ms)'
  },
  baselineMissing:
    ' The 1-worker samples are not in this run, so the speedup errors carry TN’s interval only.',
  studyMethod:
    ` The break-even size is interpolated in ` +
    `log size between the two sizes where the winner changes; its bounds push both times to ` +
    `the ends of their intervals. For replicate and weak workloads one worker is charged N × T1, ` +
    `the time to do all N shares in turn.`,
  sweep: {
    size: 'Size',
    one: (workload, count) => (workload === 'split' ? '1 worker (ms)' : `1 worker × ${count} (ms)`),
    many: (count) => `${count} workers (ms)`,
    speedup: 'Speedup ± e',
    winner: 'Winner',
    breakEven: 'Break-even',
    manyWin: (count) => plural(count, 'worker'),
    oneWins: '1 worker',
    withinErrors: ' (within errors)',
    wrongTotal: ' ✗ wrong total',
    intro: 'Times are medians ± the half-width of their 95% interval.',
    command: 'your command',
    commandSize: '{size}',
    copyFailed: ' ✗ a copy failed'
  },
  kernels: {
    kernel: 'Kernel',
    nsPerElement: 'ns/element',
    perWorker: 'Per worker',
    breakEven: (pool) => `Break-even (${pool})`,
    speedupAt: (size) => `Speedup at ${size}`
  },
  network: {
    size: 'Size',
    local: (backend, count) => `${backend}: ${count} workers (ms)`,
    cluster: (count) => `cluster: ${count} workers (ms)`,
    network: 'Network (ms)',
    share: 'Network share',
    backend: 'Backend',
    breakEven: 'Break-even (N first beats 1)',
    difference: 'difference',
    intro: (count) =>
      `Medians of ${count} workers; the network part is the slowest link's round trip, measured ` +
      `before each cluster run.`
  },
  workloads: {
    workers: 'Workers',
    series: (job, backend) => `${job} · ${backend}: speedup ± e`,
    atCores: ' ◀ cores',
    note: (cores) =>
      `Speedup T1/TN of each workload on its backend; ◀ marks the ${cores} cores. The sum stops there; waiting does not.`
  },
  backends: {
    workers: 'Workers',
    median: (b, interval) => `${b}: median${interval ? ' [95% CI]' : ''} (ms)`,
    speedup: (b) => `${b}: speedup ± e`,
    backend: 'Backend',
    coldStart: 'Cold start (ms)',
    rss: 'RSS per worker',
    pss: 'PSS per worker',
    amdahl: 'Amdahl f ± u',
    memoryBy: 'Memory measured by',
    notMeasuredRemote: 'not measured (remote workers)',
    notMeasuredHere: 'not measured on this platform',
    intro: 'Medians with their 95% bootstrap interval.'
  },
  comparison: {
    line: (b, bAt, c, cAt) => `Baseline ${b} (${bAt}) → candidate ${c} (${cAt})`,
    settings: (range, workload, level, resamples, seed, threshold) =>
      `Range ${range} · ${workload} · ${level} bootstrap intervals (${resamples} resamples, seed ${seed}) · ` +
      `noise threshold ${threshold}`,
    workers: 'Workers',
    baselineMedian: 'Baseline median (ms)',
    candidateMedian: 'Candidate median (ms)',
    timeRatio: 'Time ratio [95% CI]',
    time: 'Time',
    speedupChange: 'Speedup before → after',
    speedupRatio: 'Speedup ratio [95% CI]',
    speedup: 'Speedup',
    across: (field, b, c) => `Compared across ${field}: ${b} → ${c}`,
    onlyBaseline: (list) => `Only in the baseline (not compared): ${list} workers`,
    onlyCandidate: (list) => `Only in the candidate (not compared): ${list} workers`
  },
  chart: {
    speedup: 'Speedup by worker count',
    speedupDesc:
      'Measured speedup with its 95% interval, against the ideal (N workers, N× faster).',
    wallTime: 'Wall time by worker count',
    wallTimeDesc: 'Median wall time; whiskers span min … max over the repetitions.',
    timeline: (workers) => `Worker timeline, last repetition (${plural(workers, 'worker')})`,
    timelineDesc: 'What each worker did in the last measured repetition.',
    workers: 'Workers',
    speedupAxis: 'Speedup (×)',
    wallAxis: 'Wall time (ms)',
    timeAxis: 'Time since the repetition started (ms)',
    ideal: 'Ideal',
    measured: 'Measured',
    interval: '95% interval',
    median: 'Median',
    minMax: 'Min … max',
    worker: (i) => `Worker ${i}`,
    size: 'Elements',
    sizeSpeedup: (backend, pool) => `Speedup by problem size (${backend}, ${pool} pool)`,
    commandSizeSpeedup: 'Speedup of your command by {size}',
    commandSize: '{size}',
    sizeSpeedupDesc: 'N workers against 1 at each size, with the error; 1 is the break-even line.',
    phase: { spawn: 'Spawn', dispatch: 'Dispatch', compute: 'Compute', collect: 'Result message' }
  },
  footer: (version) =>
    `Written by Speedup Lab ${version}. One file: it makes no network request and opens in any browser.`
}

/** A compared setting and its values as the app's Korean form names them ("다른 풀끼리 비교: 콜드 → 웜"). */
const FIELD_KO: Record<string, string> = {
  job: '작업',
  command: '명령',
  wait: '요청 수와 지연',
  workload: '분할 방식',
  backend: '백엔드',
  cluster: '클러스터 서버',
  pool: '풀',
  kernel: '커널',
  warmup: '워밍업 횟수',
  reps: '반복 횟수',
  serial: '직렬 기준',
  machine: '기계'
}
const VALUE_KO: Record<string, string> = {
  warm: '웜',
  cold: '콜드',
  process: '프로세스',
  thread: '스레드',
  cluster: '클러스터',
  async: '비동기',
  sum: '합계',
  wait: '대기',
  command: '명령',
  auto: '자동',
  true: '예',
  false: '아니요'
}
const valueKo = (v: string): string => VALUE_KO[v] ?? v
const WORKLOAD_KO: Record<string, string> = {
  split: '분할',
  replicate: '복제',
  weak: '약한 스케일링'
}

const ko: ReportWords = {
  title: { run: 'Speedup Lab 보고서', study: 'Speedup Lab 연구', comparison: 'Speedup Lab 비교' },
  section: {
    verdict: '판정',
    results: '결과',
    overhead: '시간이 쓰인 곳',
    models: '모델',
    warnings: '경고',
    method: '방법',
    system: '시스템',
    charts: '그래프',
    notes: '참고',
    kernels: (backend, workers) => `커널 비교(${backend}, 워커 1개 대 ${workers}개)`,
    sweep: (what) => `문제 크기: ${what}`,
    network: (what) => `네트워크 비용: ${what}`,
    backends: (cluster) => (cluster ? '백엔드 나란히 보기' : '스레드 대 프로세스'),
    backendSweep: (backend) => `${backend}: 워커 수 스윕`,
    workloads: '계산 대 대기'
  },
  none: '없음.',
  runLine: (id, at) => `실행 ${id}, ${at}`,
  studyLine: (id, at) => `연구 ${id}, ${at}`,
  config: {
    sumOf: (start, end) => `[${start}, ${end})의 합`,
    waitOf: (requests, delayMs) =>
      `대기: 요청 ${requests}개 × ${delayMs} ms (이상적 시간 ceil(R/N)·지연)`,
    commandOf: (shape, line, shell) =>
      `${shape === 'copies' ? '사본' : '명령'}${shell ? '' : ' (셸 없이)'}: ${line}`,
    pool: (pool) => (pool === 'warm' ? '웜 풀' : pool === 'cold' ? '콜드 풀' : `${pool} 풀`),
    // The app's Korean names for them (its run form), never the code's enum values.
    workload: (workload) => WORKLOAD_KO[workload] ?? workload,
    backend: (backend) => valueKo(backend),
    job: (job) => valueKo(job),
    kernel: (kernel) => `${kernel} 커널`,
    reps: (warmup, reps) =>
      `${warmup === 'auto' ? '안정될 때까지 워밍업' : `워밍업 ${warmup}회`}, 반복 ${reps === 'auto' ? '자동' : `${reps}회`}`,
    perPoint: (warmup, reps) =>
      `점마다 ${warmup === 'auto' ? '안정될 때까지 워밍업' : `워밍업 ${warmup}회`}, 반복 ${reps === 'auto' ? '자동' : `${reps}회`}`
  },
  system: (cpu, logical, available, os, node) =>
    `${cpu} · 논리 코어 ${logical}개(사용 가능 ${available}개) · ${os} · Node ${node}`,
  cluster: '클러스터',
  workersCount: (count) => `워커 ${n(count)}개`,
  warningAt: (where, workers) => `${where ? `${where}, ` : ''}워커 ${n(workers)}개`,
  results: {
    workers: '워커',
    n: 'n',
    median: '중앙값(ms)',
    medianSigma: '중앙값 ± σ(ms)',
    ciMedian: '95% 구간(중앙값)',
    meanSigma: '평균 ± σ(ms)',
    minMax: '최소 … 최대(ms)',
    spawn: '시작(ms)',
    speedup: (weak) => (weak ? '확장 속도 향상 ± e' : '속도 향상 ± e'),
    ciSpeedup: () => '95% 구간(속도 향상)',
    verdict: '판정',
    efficiency: (compact) => (compact ? '효율' : '효율 ± e'),
    karpFlatt: (compact) => (compact ? 'Karp–Flatt' : 'Karp–Flatt e(N)'),
    perWorker: '워커당',
    sum: '합계',
    answered: '응답',
    answeredOnce: (answered, requests) => `✗ ${requests}건 중 ${answered}건만 한 번 응답`,
    ideal: '이상값 (ms)',
    serverCpu: '서버 CPU (ms)',
    waitNote:
      '이상값 = ceil(R/N)·지연. 서버 CPU: 반복 한 번 동안 지연 서버가 요청을 처리하는 데 쓴 CPU 시간(중앙값). 답할 시각을 맞추려고 루프를 돌린 시간은 빠집니다.',
    overCores: ' (> 코어)',
    gotSum: (sum) => `✗ 결과 ${sum}`,
    cpuUse: 'CPU 사용률',
    cpuTime: 'CPU 사용자 + 시스템 (ms)',
    peakMemory: '최대 메모리',
    exitZero: '종료 코드 0',
    notMeasured: '측정 안 됨',
    exitedZero: (exited, copies) => `✗ ${copies}개 중 ${exited}개`,
    copiesWeakNote: '확장 속도 향상 S = N·T1/TN (N개 사본을 동시에 실행, 이상값 N).',
    cpuUseNote:
      'CPU 사용률 = CPU 시간 ÷ (경과 시간 × N), 반복의 중앙값: 작업이 N개 코어를 계속 사용했는가?',
    weakNote: (workload) =>
      `확장 속도 향상 S = N·T1/TN(${workload}: 워커 N개가 N배의 일을 함, 이상적으로 N).`,
    overNote: (cores) => `! 사용 가능한 코어 ${cores}개보다 많은 워커.`,
    serialRow: '직렬',
    serialNote:
      '직렬: 워커 없이 컨트롤러 자신의 스레드에서 실행한 작업(워커를 두는 비용은 워커 1개 − 직렬).',
    verdictWord: {
      baseline: '기준',
      faster: '빠름',
      slower: '느림',
      'no-difference': '유의한 차이 없음',
      'too-small': '너무 작음'
    }
  },
  overhead: {
    intro:
      '반복들의 중앙값입니다. 분배는 가장 느린 워커의 시작과 계산을 넘는 경과 시간이고, ' +
      '불균형은 가장 느린 계산 ÷ 평균 계산 − 1입니다.',
    networkIntro: ' 네트워크는 실행 전에 잰 가장 느린 링크의 왕복 시간입니다(분배의 일부).',
    workers: '워커',
    spawn: '시작(ms)',
    dispatch: '분배(ms)',
    network: '네트워크(ms)',
    computeSlowest: '계산, 가장 느린(ms)',
    computeMean: '계산, 평균(ms)',
    imbalance: '불균형',
    merge: '병합(ms)'
  },
  baselineMissing:
    ' 이 실행에는 워커 1개의 표본이 없어, 속도 향상의 오차는 TN의 구간만 반영합니다.',
  studyMethod:
    ' 손익분기 크기는 이기는 쪽이 바뀌는 두 크기 사이에서 로그 크기로 보간하며, 그 범위는 두 시간을 ' +
    '각 구간의 끝으로 밀어 구합니다. 복제와 약한 스케일링 작업에서는 워커 1개에 N × T1, 즉 N개의 몫을 ' +
    '차례로 하는 시간을 매깁니다.',
  sweep: {
    size: '크기',
    one: (workload, count) => (workload === 'split' ? '워커 1개(ms)' : `워커 1개 × ${count}(ms)`),
    many: (count) => `워커 ${count}개(ms)`,
    speedup: '속도 향상 ± e',
    winner: '이긴 쪽',
    breakEven: '손익분기',
    manyWin: (count) => `워커 ${n(count)}개`,
    oneWins: '워커 1개',
    withinErrors: ' (오차 범위 안)',
    wrongTotal: ' ✗ 틀린 합계',
    intro: '시간은 중앙값 ± 95% 구간의 반폭입니다.',
    command: '내 명령',
    commandSize: '{size}',
    copyFailed: ' ✗ 실패한 사본'
  },
  kernels: {
    kernel: '커널',
    nsPerElement: 'ns/원소',
    perWorker: '워커당',
    breakEven: (pool) => `손익분기점 (${pool === 'warm' ? '웜' : pool === 'cold' ? '콜드' : pool})`,
    speedupAt: (size) => `${size}에서의 속도 향상`
  },
  network: {
    size: '크기',
    local: (backend, count) => `${backend}: 워커 ${count}개(ms)`,
    cluster: (count) => `클러스터: 워커 ${count}개(ms)`,
    network: '네트워크(ms)',
    share: '네트워크 비중',
    backend: '백엔드',
    breakEven: '손익분기(N이 처음 1을 이김)',
    difference: '차이',
    intro: (count) =>
      `워커 ${count}개의 중앙값입니다. 네트워크 몫은 클러스터 실행마다 먼저 잰 가장 느린 링크의 왕복 시간입니다.`
  },
  workloads: {
    workers: '워커',
    series: (job, backend) => `${job} · ${backend}: 속도 향상 ± e`,
    atCores: ' ◀ 코어 수',
    note: (cores) =>
      `각 워크로드의 백엔드별 속도 향상 T1/TN. ◀는 코어 ${cores}개. 합계는 거기서 멈추고 대기는 멈추지 않습니다.`
  },
  backends: {
    workers: '워커',
    median: (b, interval) => `${b}: 중앙값${interval ? ' [95% 구간]' : ''}(ms)`,
    speedup: (b) => `${b}: 속도 향상 ± e`,
    backend: '백엔드',
    coldStart: '콜드 스타트(ms)',
    rss: '워커당 RSS',
    pss: '워커당 PSS',
    amdahl: 'Amdahl f ± u',
    memoryBy: '메모리 측정 방법',
    notMeasuredRemote: '측정 안 함(원격 워커)',
    notMeasuredHere: '이 플랫폼에서는 측정 안 함',
    intro: '중앙값과 95% 부트스트랩 구간입니다.'
  },
  comparison: {
    line: (b, bAt, c, cAt) => `기준 ${b}(${bAt}) → 비교 대상 ${c}(${cAt})`,
    settings: (range, workload, level, resamples, seed, threshold) =>
      `범위 ${range} · ${workload} · ${level} 부트스트랩 구간(재표본 ${resamples}개, 시드 ${seed}) · ` +
      `잡음 임계값 ${threshold}`,
    workers: '워커',
    baselineMedian: '기준 중앙값(ms)',
    candidateMedian: '비교 대상 중앙값(ms)',
    timeRatio: '시간 비율 [95% CI]',
    time: '시간',
    speedupChange: '속도 향상 이전 → 이후',
    speedupRatio: '속도 향상 비율 [95% CI]',
    speedup: '속도 향상',
    across: (field, b, c) =>
      `다른 ${FIELD_KO[field] ?? field}끼리 비교: ${valueKo(b)} → ${valueKo(c)}`,
    onlyBaseline: (list) => `기준에만 있어 비교하지 않은 워커 수: ${list}`,
    onlyCandidate: (list) => `비교 대상에만 있어 비교하지 않은 워커 수: ${list}`
  },
  chart: {
    speedup: '워커 수별 속도 향상',
    speedupDesc: '측정한 속도 향상과 95% 구간, 그리고 이상적인 값(워커 N개면 N배).',
    wallTime: '워커 수별 소요 시간',
    wallTimeDesc: '소요 시간의 중앙값. 수염은 반복 중 최소 … 최대입니다.',
    timeline: (workers) => `워커 타임라인, 마지막 반복(워커 ${n(workers)}개)`,
    timelineDesc: '마지막 측정 반복에서 각 워커가 한 일.',
    workers: '워커',
    speedupAxis: '속도 향상(×)',
    wallAxis: '소요 시간(ms)',
    timeAxis: '반복 시작 후 시간(ms)',
    ideal: '이상적',
    measured: '측정값',
    interval: '95% 구간',
    median: '중앙값',
    minMax: '최소 … 최대',
    worker: (i) => `워커 ${i}`,
    size: '원소 수',
    sizeSpeedup: (backend, pool) => `문제 크기별 속도 향상(${backend}, ${pool})`,
    commandSizeSpeedup: '{size}별 내 명령의 속도 향상',
    commandSize: '{size}',
    sizeSpeedupDesc: '크기마다 워커 N개 대 1개와 그 오차. 1이 손익분기선입니다.',
    phase: { spawn: '시작', dispatch: '전달', compute: '계산', collect: '결과 메시지' }
  },
  footer: (version) =>
    `Speedup Lab ${version}이(가) 작성함. 파일 하나로, 네트워크 요청을 하지 않으며 어느 브라우저에서나 열립니다.`
}

/** "1 warm-up", "0 warm-ups", "warm-up until steady". */
const warmups = (warmup: number | 'auto'): string =>
  warmup === 'auto' ? 'warm-up until steady' : `${warmup} warm-up${warmup === 1 ? '' : 's'}`

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { en, ko }
