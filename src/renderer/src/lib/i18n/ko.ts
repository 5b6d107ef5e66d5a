import { formatInteger, formatTick } from '../../../../shared/format'
import { REPORT_WORDS } from '../../../../shared/report/catalog/words'
import type { Messages } from './en'

/**
 * Every visible string of the renderer, in Korean. Typed as `Messages`: a key
 * missing here, or one English does not have, fails the type check, and
 * tests/renderer/i18n.test.ts checks that both sides use the same placeholders.
 * Technical names (Karp–Flatt, Amdahl, USL, worker_threads, GIL) stay as
 * Korean developers write them.
 */
const n = (value: number): string => formatInteger(value, 'ko-KR')

export const ko: Messages = {
  app: {
    title: 'Speedup Lab',
    tagline: '병렬 처리 속도 향상, 직접 재고 설명합니다',
    tabs: { label: '보기', results: '결과', history: '기록', system: '시스템' },
    cores: (cores: number) => `코어 ${n(cores)}개`,
    noApi: '벤치마크 엔진이 연결되지 않았습니다(window.api가 없습니다).'
  },
  form: {
    heading: '실행 설정',
    sidebar: '벤치마크 설정',
    presets: '프리셋',
    presetScaling: '모든 코어',
    presetScalingHint: '엔진 기본값: 큰 범위를 워커 1개 … 코어 수만큼 나누어 계산, 웜 풀.',
    presetTutorial: '튜토리얼',
    presetTutorialHint:
      '파이썬 튜토리얼의 실험: 0 … 50,000,000, 워커 1개 대 2개, 워커마다 범위 전체, 콜드 스타트.',
    range: '범위',
    rangeHint:
      '[시작, 끝)의 모든 정수를 더합니다. 1_000_000이나 1,000,000처럼 구분자를 써도 됩니다.',
    start: '범위 시작',
    end: '범위 끝',
    integers: (count: string) => `정수 ${count}개`,
    expectedSum: (sum: string) => `예상 합계 ${sum}`,
    workers: '워커 수',
    workersEvery: (cores: number) => `1 … ${n(cores)} (모든 개수)`,
    workersDoubling: (list: string) => `두 배씩: ${list}`,
    workersCustom: '직접 입력',
    workersCustomLabel: '워커 수 직접 입력',
    workersCustomPlaceholder: '예: 1,2,4 또는 1-8',
    workersBad: (items: string) => `워커 수나 1-8 같은 범위가 아닙니다: ${items}`,
    workersSummary: (list: string) => `측정: ${list}`,
    workload: '작업 방식',
    workloadSplit: '분할',
    workloadSplitHint: '하나의 작업을 워커들이 나누어 계산합니다(강한 스케일링).',
    workloadReplicate: '복제',
    workloadReplicateHint: '튜토리얼처럼 워커마다 범위 전체를 더합니다: 작업량 N배.',
    workloadWeak: '약한 스케일링',
    workloadWeakHint: '워커마다 N배 긴 범위 중 범위 크기만큼의 자기 몫을 더합니다(약한 스케일링).',
    backend: '백엔드',
    backendProcess: '프로세스',
    backendThread: '스레드',
    backendCluster: '클러스터(NATS)',
    pool: '풀',
    poolWarm: '웜',
    poolWarmHint: '워커를 미리 띄워 두고 작업만 잽니다.',
    poolCold: '콜드',
    poolColdHint: '튜토리얼처럼 워커를 띄우는 시간까지 측정에 포함합니다.',
    warmup: '워밍업 횟수',
    repeatHint: '워밍업을 먼저 돌리고 버립니다. 반복 측정의 중앙값을 보여 줍니다.',
    reps: '반복 횟수',
    invalidSummary: (count: number) =>
      count === 1
        ? '벤치마크를 실행하려면 항목 하나를 고쳐 주세요.'
        : `벤치마크를 실행하려면 항목 ${n(count)}개를 고쳐 주세요.`
  },
  run: {
    button: '벤치마크 실행',
    running: '실행 중…',
    cancel: '취소',
    cancelling: '취소하는 중…',
    shortcut: 'Ctrl+Enter'
  },
  progress: {
    heading: '벤치마크 실행 중',
    overall: '전체 진행률',
    phase: {
      spawning: '워커 시작 중',
      warmup: '워밍업 중',
      measuring: '측정 중',
      done: '마무리 중'
    },
    step: (phase: string, workers: number, rep: number, reps: number) =>
      rep > 0 ? `${phase} · 워커 ${n(workers)}개 · 반복 ${n(rep)}/${n(reps)}` : phase,
    eta: (eta: string) => `약 ${eta} 남음`,
    etaUnknown: '남은 시간 계산 중…',
    elapsed: (elapsed: string) => `${elapsed} 경과`,
    perWorker: '워커별 진행률(현재 반복)',
    worker: (index: number, count: number) => `워커 ${n(index)}/${n(count)}`,
    moreWorkers: (count: number) => `… 외 ${n(count)}개`,
    counts: (list: string) => `워커 ${list}`,
    plan: '일정',
    warmupStep: '워밍업(버림)',
    measuredStep: '측정 반복',
    stepsDone: (done: number, total: number) => `${n(total)}개 중 ${n(done)}개 완료`,
    legendDone: '완료',
    legendCurrent: '실행 중',
    legendWarmup: '워밍업'
  },
  errors: {
    heading: {
      'invalid-input': '설정을 받아들일 수 없습니다',
      'worker-crashed': '워커가 예기치 않게 멈췄습니다',
      'worker-error': '워커가 오류를 보고했습니다',
      cancelled: '실행을 취소했습니다',
      busy: '이미 실행 중입니다',
      'needs-confirmation': '오래 걸리는 실행은 확인이 필요합니다',
      'not-found': '찾을 수 없습니다',
      io: '파일을 읽거나 쓸 수 없습니다',
      forbidden: '허용되지 않습니다',
      internal: '문제가 생겼습니다',
      unavailable: '클러스터를 사용할 수 없습니다',
      'not-saved': '기록에 저장하지 못했습니다'
    },
    notSavedBody: {
      'disk-full':
        '저장하지 못했습니다: 디스크가 가득 찼습니다. 실행 결과는 아래에 표시되며 내보낼 수 있습니다. 다음 실행을 저장하려면 공간을 확보해 주세요.',
      'too-large':
        '저장하지 못했습니다: 실행 기록이 기록 파일이 받아들이는 크기보다 큽니다. 결과는 아래에 표시되며 내보낼 수 있습니다.',
      io: '저장하지 못했습니다: 기록 파일에 쓸 수 없습니다. 결과는 아래에 표시되며 내보낼 수 있습니다.'
    },
    cancelledBody: '벤치마크를 멈추고 모든 워커를 종료했습니다. 아무것도 저장하지 않았습니다.',
    crashedBody:
      '실행을 중단했고 아무것도 저장하지 않았습니다. 보통 메모리가 부족하거나 워커가 강제로 종료된 경우입니다.',
    busyBody: '끝날 때까지 기다리거나 먼저 취소해 주세요.',
    workerDetail: (name: string, pid: string, how: string) => `워커 ${name}(pid ${pid})가 ${how}.`,
    exitCode: (code: number) => `코드 ${code}로 종료했습니다`,
    signal: (signal: string) => `${signal} 신호로 종료되었습니다`,
    gone: '종료되었습니다',
    dismiss: '닫기'
  },
  results: {
    sinceLast: (date: string, workers: number, verdict: string, range: string, median: string) =>
      `마지막 비교 가능한 실행(${date}) 이후, 워커 ${n(workers)}개: ${verdict}: 시간 ${range} (중앙값 ${median})`,
    /** The time's change, as criterion words it (a time ratio below 1 is faster). */
    sinceLastVerdict: { improved: '빨라짐', regressed: '느려짐', 'no-change': '변화 없음' },
    sinceLastNoInterval: (date: string, workers: number, median: string) =>
      `마지막 비교 가능한 실행(${date}) 이후, 워커 ${n(workers)}개: 시간 ${median}, 구간을 내기에는 반복이 너무 적습니다`,
    /** Item 5 of issue 21: the form and the run on screen disagree (FormDiffers.svelte). */
    formDiffers: (settings: string) =>
      `양식의 설정이 이 실행과 다릅니다(${settings}). 벤치마크 실행은 양식의 설정으로 실행합니다.`,
    formDiffersApply: '이 실행의 설정을 양식에 넣기',
    formSetting: {
      job: '작업',
      command: '명령',
      range: '범위',
      wait: '요청 수와 지연',
      workers: '워커 수',
      workload: '작업 방식',
      backend: '백엔드',
      pool: '풀',
      kernel: '커널',
      warmup: '워밍업 횟수',
      reps: '반복 횟수'
    },
    heading: '결과',
    latest: '최근 실행',
    viewing: (date: string) => `${date} 실행`,
    reps: (warmup: number | 'auto', reps: number | 'auto') =>
      warmup === 'auto'
        ? `안정될 때까지 워밍업 후 ${reps === 'auto' ? '반복 횟수 자동' : `반복 ${n(reps)}회`}`
        : warmup === 0
          ? `${reps === 'auto' ? '반복 횟수 자동' : `반복 ${n(reps)}회`}, 워밍업 없음`
          : `워밍업 ${n(warmup)}회 후 ${reps === 'auto' ? '반복 횟수 자동' : `반복 ${n(reps)}회`}`,
    measuredOn: (cpu: string) => `${cpu}에서 측정`,
    cards: {
      t1: '시간, 워커 1개',
      tn: (n: number) => `시간, 워커 ${formatInteger(n, 'ko-KR')}개`,
      speedup: '속도 향상',
      speedupSub: (ideal: number) => `이상적으로 ${formatTick(ideal, 'ko-KR')}×`,
      efficiency: '효율',
      efficiencySub: '속도 향상 ÷ 워커 수',
      sum: '합계',
      sumOk: '정답',
      sumBad: '오답',
      sumExpected: (value: string) => `예상값 ${value}`,
      median: (spread: string) => `중앙값, ${spread}`,
      single: '반복 1회'
    },
    method: {
      heading: '측정 방법',
      intro: '이 실행을 어떻게 측정했는지: 규칙마다 이 실행이 어떻게 지켰는지.'
    },
    table: {
      caption: '워커 수별 결과',
      serialRow: '직렬',
      serialTip:
        '워커 없이 앱 자신의 스레드에서 실행한 작업: 워커를 두는 비용은 워커 1개의 시간에서 이 시간을 뺀 값입니다.',
      workers: '워커',
      median: '중앙값 ± σ',
      range: '최소 … 최대',
      spawn: '시작',
      speedup: '속도 향상',
      efficiency: '효율',
      karpFlatt: 'Karp–Flatt',
      sum: '합계',
      ok: '✓',
      bad: '✗',
      correctLabel: '합계 정답',
      wrongLabel: '합계 오답'
    },
    notCorrect: '합계 중 하나 이상이 닫힌 식 n·(a+b)/2와 맞지 않습니다.'
  },
  charts: {
    wallTime: '워커 수별 소요 시간',
    wallTimeDesc: '막대는 소요 시간의 중앙값, 점은 측정한 반복 하나하나입니다.',
    speedup: '워커 수별 속도 향상',
    speedupDesc: '측정한 속도 향상과 95% 구간, 그리고 이상적인 값(워커 N개면 N배).',
    speedupDescCopies:
      '사본 N개가 동시에 실행되고 사본마다 명령 전체를 실행하므로 확장 속도 향상 N·T1/TN을 보여 줍니다. N배의 일을 같은 시간에 끝내는 것이 이상적인 N×입니다.',
    speedupDescReplicate:
      '워커마다 범위 전체를 계산하므로 확장 속도 향상 N·T1/TN을 보여 줍니다. N배의 일을 같은 시간에 끝내는 것이 이상적인 N×입니다.',
    timeline: '워커 타임라인, 마지막 반복',
    timelineDesc: '마지막 측정 반복에서 각 워커가 한 일.',
    timelineDescCommand:
      '마지막 측정 반복에서 각 사본이 한 일. 전달: 시작 신호 전에 사본이 시작된 시간(셸 실행, 모든 사본 준비)으로 측정 시간 밖입니다. 계산: 시작 신호부터 사본이 실행된 시간으로, 측정된 시간입니다.',
    timelineFor: '표시할 워커 수',
    timelineEmpty: '이 실행에는 워커별 시간이 없습니다.',
    history: '속도 향상 기록',
    historyDesc:
      '비교할 수 있는 실행(같은 작업·크기·분배·백엔드·풀·커널)의 속도 향상을 실행 순서대로, 날짜와 함께: 워커 수마다 선 하나, 실행마다 95% 구간, 그리고 이상적인 N×.',
    historyFilter: '설정',
    historyAll: '모든 설정',
    historyEmpty: '이 설정으로 실행한 기록이 아직 없습니다.',
    savePng: 'PNG',
    savePngLabel: (chart: string) => `“${chart}” 그래프를 PNG 파일로 저장`,
    axis: {
      workers: '워커',
      wallMs: '소요 시간(ms)',
      wallS: '소요 시간(초)',
      speedup: '속도 향상(×)',
      timeMs: '반복 시작 후 시간(ms)',
      date: '날짜'
    },
    series: {
      median: '소요 시간 중앙값',
      measured: '측정값',
      ideal: '이상적(N×)',
      idealReplicate: '이상적(같은 시간에 N배의 일)',
      spawn: '시작',
      dispatch: '전달',
      compute: '계산',
      collect: '결과 메시지',
      idle: '대기',
      workers: (count: number) => `워커 ${n(count)}개`,
      samples: (median: string, count: number, range: string) =>
        `반복 ${n(count)}회의 중앙값 ${median} (${range})`,
      interval: (low: string, high: string) => `95% 구간 ${low} … ${high}`
    }
  },
  history: {
    heading: '기록',
    count: (count: number) => `실행 ${n(count)}개`,
    empty: '저장된 실행이 아직 없습니다. 끝난 실행은 모두 여기에 자동으로 저장됩니다.',
    storedAt: (path: string) => `저장 위치: ${path}`,
    loading: '기록을 불러오는 중…',
    selectAll: '모두 선택',
    selectNone: '선택 해제',
    selected: (count: number) => `${n(count)}개 선택됨`,
    exportCsv: 'CSV 내보내기',
    exportJson: 'JSON 내보내기',
    exportHtml: 'HTML 보고서 내보내기',
    delete: '삭제',
    clear: '기록 지우기',
    confirmClear: (count: number) => `실행 ${n(count)}개를 모두 삭제할까요?`,
    confirmYes: '모두 삭제',
    confirmNo: '유지',
    view: '보기',
    viewing: '표시 중',
    selectRun: (date: string) => `${date} 실행 선택`,
    list: '지난 실행',
    columns: {
      date: '날짜',
      config: '설정',
      workers: '워커',
      best: '속도 향상',
      verdict: '판정',
      sum: '검사'
    },
    jobs: { sum: '덧셈', wait: '대기', command: '명령' },
    waitJob: (requests: number, delay: string) => `요청 ${n(requests)}개 × ${delay}`,
    notSignificant: '유의하지 않음: 95% 구간에 1이 들어 있습니다',
    damaged: (count: number) => `기록을 읽는 중 손상된 항목 ${n(count)}개를 건너뛰었습니다:`,
    damagedLine: (line: number, reason: string) => `${line}번째 줄: ${reason}`,
    damagedMore: (count: number) => `… 외 ${n(count)}개`,
    openRun: (date: string) => `${date} 실행 보기`,
    deleted: (count: number) => `실행 ${n(count)}개를 삭제했습니다.`
  },
  exports: {
    saved: (what: string, path: string) => `${what} 저장함: ${path}`,
    cancelled: '내보내기를 취소했습니다.',
    nothing: '내보낼 실행을 기록에서 선택하거나 벤치마크를 실행해 주세요.',
    csv: 'CSV',
    json: 'JSON',
    png: 'PNG',
    html: 'HTML 보고서'
  },
  system: {
    heading: '시스템',
    intro: '벤치마크를 실행하는 컴퓨터입니다. 저장된 실행마다 이 정보의 사본이 함께 남습니다.',
    cpu: 'CPU 모델',
    cores: '논리 코어',
    parallelism: '사용 가능한 병렬성',
    memory: '메모리',
    os: '운영체제',
    arch: '아키텍처',
    app: 'Speedup Lab',
    electron: 'Electron',
    node: 'Node.js',
    chromium: 'Chromium',
    loading: '시스템 정보를 읽는 중…',
    unavailable: '알 수 없음'
  },
  scaling: {
    tab: '스케일링',
    heading: '스케일링',
    intro:
      '워커 N개가 N배 빠르지 않은 이유: N개가 1개를 처음 이기는 지점, 스레드와 프로세스의 비용, 모델 피팅이 말해 주는 것.',
    form: {
      heading: '스터디',
      base: '기본 설정',
      baseNote: '왼쪽 실행 설정에서 가져옵니다: 범위 시작, 워커 수, 작업 방식, 풀, 반복.',
      baseNoteCommand: '왼쪽 실행 설정에서 가져옵니다: 명령줄, 형태, 워커 수, 반복.',
      baseInvalid: '왼쪽 실행 설정에 오류가 있습니다. 스터디를 계획하려면 먼저 고쳐 주세요.',
      baseLine: (range: string, workers: string, rest: string) =>
        `${range} · 워커 ${workers} · ${rest}`,
      sweep: '문제 크기 스윕',
      sweepHint: (workers: number | null) =>
        workers !== null && workers >= 2
          ? `범위 길이마다 워커 1개 대 ${n(workers)}개, 웜 풀과 콜드 풀.`
          : '범위 길이마다 워커 1개 대 N개(가장 큰 워커 수), 웜 풀과 콜드 풀.',
      commandSweep: '내 명령의 크기 스윕',
      commandSweepHint: (workers: number | null) =>
        `{size}가 아래 값을 차례로 받습니다: 크기마다 워커 1개 대 ${workers !== null && workers >= 2 ? `${n(workers)}개` : 'N개(가장 큰 워커 수)'}. 합계용 비교는 명령에는 쓰이지 않습니다.`,
      commandSizesHint: '실행 양식의 명령 옆 목록과 같은 목록입니다.',
      sizes: '범위 길이',
      sizesHint: '범위 시작부터의 길이: 100_000, 10^6, 또는 구간 10^4..10^9(반 자릿수마다).',
      sizesSummary: (count: number, from: string, to: string) =>
        `크기 ${n(count)}개: ${from} … ${to}`,
      sizesReset: '기본값',
      sizesResetLabel: '기본값 크기로 되돌리기',
      compare: '스레드 대 프로세스',
      compareHint:
        '두 백엔드에서 같은 워커 스윕을 돌리고, 워커 하나의 콜드 스타트와 메모리를 잽니다.',
      // Issue 11: the network-cost study.
      compareWith: '프로세스와 비교할 대상',
      compareCluster: '프로세스 대 클러스터 (네트워크 비용)',
      compareClusterHint:
        '로컬 프로세스와 원격 워커에서 크기 스윕과 워커 스윕을 나란히 돌립니다: 각각 N개가 1개를 처음 이기는 크기와 네트워크가 차지하는 몫.',
      nothingChosen: '크기 스윕이나 백엔드 비교 중 하나 이상을 고르세요.',
      plan: (steps: number, runs: number) =>
        `${n(steps)}단계: 실행 ${n(runs)}개를 차례로, 그리고 메모리 측정`,
      run: '스터디 실행',
      running: '실행 중…',
      cancel: '취소',
      cancelling: '취소하는 중…',
      invalidSummary: (count: number) =>
        count === 1
          ? '스터디를 실행하려면 문제 하나를 고쳐 주세요.'
          : `스터디를 실행하려면 문제 ${n(count)}개를 고쳐 주세요.`,
      busy: '벤치마크가 실행 중입니다. 스터디를 시작하려면 끝나기를 기다리거나 취소하세요.'
    },
    progress: {
      heading: '스터디 실행 중',
      overall: '스터디 진행률',
      current: '현재 실행',
      step: (step: number, steps: number) => `${n(steps)}단계 중 ${n(step)}단계`,
      eta: (time: string) => `약 ${time} 남음`,
      estimating: '남은 시간 계산 중…',
      elapsed: (time: string) => `${time} 경과`
    },
    study: {
      heading: '스터디 결과',
      meta: (date: string, cpu: string) => `${date}, ${cpu}에서 실행한 스터디`,
      notCorrect: '합계 중 하나 이상이 닫힌 식 n·(a+b)/2와 맞지 않습니다.',
      export: '스터디 내보내기',
      exportAs: (format: string) => `스터디를 ${format} 형식으로 내보내기`
    },
    warnings: {
      heading: (count: number) => `경고 (${n(count)})`,
      none: '경고 없음: 시간이 안정적이고 구간이 좁습니다.',
      showAll: (count: number) => `${n(count)}개 모두 보기`,
      showFewer: '접기',
      workers: (count: number) => `워커 ${n(count)}개`,
      info: '참고',
      warning: '경고'
    },
    size: {
      heading: '문제 크기별 시간',
      desc: (workers: number) =>
        `워커 1개와 ${n(workers)}개의 소요 시간 중앙값(로그–로그). 세로선은 ${n(workers)}개가 1개를 처음 이기는 지점입니다.`,
      backend: '표시할 백엔드',
      one: (pool: string) => `워커 1개, ${pool}`,
      many: (workers: number, pool: string) => `워커 ${n(workers)}개, ${pool}`,
      marker: (pool: string, size: string) => `${pool} 손익분기 ≈ ${size}`,
      axisSize: '범위 길이(원소 수)',
      axisTime: '소요 시간 중앙값(ms)',
      tableFold: (rows: number) => `그래프의 수치 (${n(rows)}행)`,
      caption: (backend: string) => `문제 크기별 워커 1개 대 N개, ${backend}`,
      colSize: '길이',
      colPool: '풀',
      colOne: '워커 1개',
      colOneScaled: (workers: number) => `워커 1개 × ${n(workers)}`,
      colMany: (workers: number) => `워커 ${n(workers)}개`,
      colSpeedup: '속도 향상 ± e',
      colWinner: '더 빠른 쪽',
      winnerMany: (workers: number) => `워커 ${n(workers)}개`,
      winnerOne: '워커 1개',
      withinErrors: '오차 범위 안',
      breakEven: '손익분기',
      breakEvenOf: (pool: string) => `손익분기, ${pool}`,
      crosses: (size: string) => `≈ 원소 ${size}개`,
      between: (lower: string, upper: string) => `${lower}와 ${upper} 사이`,
      tooWide: '오차가 너무 커서 더 말할 수 없습니다',
      mixed: '없음: 이기는 쪽이 왔다 갔다 합니다',
      always: (smallest: string) => `${smallest} 미만: 모든 크기에서 N개가 이겼습니다`,
      never: (largest: string) => `${largest} 초과: 모든 크기에서 1개가 이겼습니다`,
      bounds: (lower: string, upper: string) => `오차 범위 안에서 ${lower} … ${upper}`,
      below: (size: string) => `${size} 미만`,
      above: (size: string) => `${size} 초과`,
      breakEvenHere: (size: string) => `≈ ${size}`,
      wrongTotal: '합계 오답',
      /** A sweep of your command: its sizes are the values of {size}, and pools mean nothing to it. */
      command: {
        heading: '내 명령의 크기별 시간',
        axisSize: '{size}의 값',
        caption: '{size}의 값마다 워커 1개 대 N개, 내 명령',
        colSize: '크기',
        breakEven: '{size}의 손익분기',
        crosses: (size: string) => `≈ 크기 ${size}`,
        between: (lower: string, upper: string) => `크기 ${lower}와 ${upper} 사이`,
        one: '워커 1개',
        many: (workers: number) => `워커 ${n(workers)}개`,
        marker: (size: string) => `손익분기 ≈ 크기 ${size}`,
        failed: '실패한 복사본 있음'
      }
    },
    /** Issue 11: the network-cost study, local processes beside the cluster. */
    network: {
      heading: '네트워크 비용: 로컬 대 클러스터',
      breakEvenOf: (backend: string, pool: string) => `손익분기, ${backend}, ${pool}`,
      difference: '차이',
      later: (ratio: string | null) =>
        ratio === null ? '클러스터에서 더 늦게' : `클러스터에서 ${ratio}배 늦게`,
      earlier: (ratio: string | null) =>
        ratio === null ? '클러스터에서 더 일찍' : `클러스터에서 ${ratio}배 일찍`,
      same: '잰 크기 안에서 같은 자리',
      unplaced: '비교할 수 없음: 손익분기를 정할 수 없습니다',
      apart: '오차 범위를 넘는 차이',
      withinErrors: '오차 범위 안의 차이',
      caption: (backend: string, pool: string, workers: number) =>
        `${backend}와 클러스터의 워커 ${n(workers)}개, ${pool}: 중앙값 시간과 네트워크 몫`,
      colTime: (backend: string, workers: number) => `${backend}, 워커 ${n(workers)}개`,
      colNetwork: '네트워크 왕복',
      colShare: '네트워크 몫'
    },
    backends: {
      heading: '스레드 대 프로세스',
      speedup: '백엔드별 속도 향상',
      speedupDesc: '백엔드마다 같은 워커 스윕: 이상적인 값 대비 S ± e.',
      startCost: '워커당 시작 비용',
      startCostDesc: '워커 하나를 띄워 준비될 때까지 걸린 콜드 스타트의 중앙값.',
      memoryChart: '워커당 메모리',
      memoryChartDesc: '워커 하나가 더하는 상주 메모리(메모리 측정으로 잼).',
      coldStart: '콜드 스타트(ms)',
      memory: '워커당 메모리(MiB)',
      caption: '백엔드 나란히 비교',
      colBackend: '백엔드',
      colSpeedup: (workers: number) => `워커 ${n(workers)}개일 때 속도 향상`,
      colEfficiency: '효율 ± e',
      colColdStart: '콜드 스타트',
      colRss: '워커당 RSS',
      colPss: '워커당 PSS',
      colAmdahl: 'Amdahl f ± u',
      colMethod: '메모리 측정 방법',
      notMeasured: '이 플랫폼에서는 측정하지 않음',
      // Issue 11: remote workers' memory is not this machine's to read.
      notMeasuredRemote: '측정하지 않음 (원격 워커)',
      headingCluster: '프로세스 대 클러스터',
      speedupAt: (backend: string, value: string, workers: number) =>
        `${backend}: 워커 ${n(workers)}개에서 ${value}`
    },
    stats: {
      heading: '실행 통계와 모델',
      source: '분석할 실행',
      sourceShown: (date: string) => `표시 중인 실행(${date})`,
      sourceStudy: (backend: string) => `스터디: ${backend}`,
      none: '벤치마크나 스터디를 실행하거나 기록에서 실행을 열면 여기에 통계가 나옵니다.',
      exportMarkdown: (count: number) =>
        count > 1 ? `Markdown 보고서(실행 ${n(count)}개)` : 'Markdown 보고서',
      exportMarkdownStudy: 'Markdown 보고서(스터디)',
      config: (line: string, reps: string) => `${line} · ${reps}`,
      method: (level: string, resamples: string) =>
        `중앙값: 퍼센타일 부트스트랩으로 구한 ${level} 구간(시드 고정 재표본 ${resamples}개). 평균: ± σ와 Student-t 구간. S ± e는 중앙값 구간의 반폭을 T1/TN에 전파한 값이고, 효율은 S/N ± e/N입니다.`,
      baselineMissing:
        '이 실행은 워커 1개의 표본을 남기지 않았습니다. T1은 저장된 속도 향상에서 구하므로 오차에는 TN의 구간만 반영됩니다.',
      caption: '워커 수별 결과, 95 % 구간 포함',
      colWorkers: '워커',
      colN: 'n',
      colMedian: '중앙값',
      colCi: '중앙값의 95 % 신뢰구간',
      colMean: '평균 ± σ',
      colRange: '최소 … 최대',
      colSpeedup: '속도 향상 S ± e',
      colScaled: '스케일드 속도 향상 ± e',
      colEfficiency: '효율 ± e',
      colKarpFlatt: 'Karp–Flatt e(N)',
      models: '모델',
      fitF: '직렬 비율 f',
      fitCeiling: '상한 1/f',
      fitNoCeiling: '없음(f = 0)',
      fitUsl: 'USL σ, κ',
      fitPeak: 'USL 정점',
      fitPeakAt: (speedup: string, workers: string) => `워커 약 ${workers}개에서 ${speedup}`,
      fitDrawn: '그린 모델',
      modelName: { amdahl: 'Amdahl', usl: 'USL' },
      fitR2: 'R²'
    },
    charts: {
      model: '속도 향상과 피팅한 모델',
      modelDesc: '측정한 S ± e, 이상적인 선, 피팅한 Amdahl 곡선(더 잘 맞으면 USL).',
      modelDescWeak: '이상적인 N 대비 스케일드 속도 향상 N·T1/TN ± e(Gustafson).',
      efficiency: '효율',
      efficiencyDesc: '속도 향상 ÷ 워커 수 ± e. 100 %가 완벽한 스케일링입니다.',
      karpFlatt: 'Karp–Flatt 직렬 비율 e(N)',
      karpFlattDesc:
        'e = (1/S − 1/N) ÷ (1 − 1/N) ± 오차. e가 커지면 직렬 코드가 아니라 오버헤드입니다.',
      karpFlattWeak:
        'Karp–Flatt은 고정된 작업을 N개로 나눈 경우를 설명합니다. 이 실행은 N에 따라 작업이 늘어납니다.',
      karpFlattNone: '워커 수가 1보다 큰 측정이 필요합니다.',
      overhead: '시간이 어디에 쓰였나',
      overheadDesc:
        '워커 수별 중앙값: 시작, 전달, 평균 워커의 계산, 불균형(가장 느린 워커 − 평균), 병합.',
      series: {
        measured: '측정값 S ± e',
        scaled: '스케일드 속도 향상 ± e',
        efficiency: '효율 ± e',
        ideal: '이상적(N×)',
        perfect: '완벽(100 %)',
        amdahl: (f: string) => `Amdahl, f = ${f}`,
        usl: (sigma: string, kappa: string) => `USL, σ = ${sigma}, κ = ${kappa}`,
        ceiling: (value: string) => `상한 1/f ≈ ${value}×`,
        karpFlatt: 'e(N) ± 오차',
        spawn: '시작',
        dispatch: '전달',
        network: '그중 네트워크 왕복',
        compute: '계산(평균 워커)',
        imbalance: '불균형',
        merge: '병합'
      },
      axis: {
        workers: '워커',
        speedup: '속도 향상(×)',
        efficiency: '효율(%)',
        karpFlatt: 'e(N)',
        timeMs: '시간(ms)'
      },
      point: (workers: string, value: string) => `${workers}: ${value}`
    },
    exports: {
      markdown: 'Markdown 보고서',
      study: {
        markdown: '스터디 보고서(Markdown)',
        csv: '스터디 CSV',
        json: '스터디 JSON',
        html: '스터디 HTML 보고서'
      },
      formats: { markdown: 'Markdown', csv: 'CSV', json: 'JSON', html: 'HTML 보고서' }
    }
  },
  words: {
    split: '분할',
    replicate: '복제',
    weak: '약한 스케일링',
    process: '프로세스',
    thread: '스레드',
    cluster: '클러스터(NATS)',
    async: '비동기(이벤트 루프 하나)',
    warm: '웜 풀',
    cold: '콜드 풀'
  },
  settings: {
    label: '화면 설정',
    language: '언어',
    theme: '테마',
    themes: { system: '시스템', light: '라이트', dark: '다크' }
  },
  announce: {
    progress: (percent: string, step: string) => `벤치마크 ${percent} 완료. ${step}.`,
    finished: (speedup: string, workers: number, sum: string) =>
      `실행 완료: 워커 ${n(workers)}개로 ${speedup}, 합계는 ${sum}입니다.`
  },
  tips: {
    about: (term: string) => `“${term}”이란?`,
    speedup:
      '속도 향상 S = 워커 1개일 때 시간의 중앙값 ÷ 워커 N개일 때 시간의 중앙값. 2×는 두 배 빠르다는 뜻이고, 워커 N개의 이상적인 값은 N×입니다.',
    efficiency:
      '효율 = 속도 향상 ÷ 워커 수. 100 %면 모든 워커가 온전히 일했다는 뜻이고, 낮을수록 오버헤드나 대기에 시간을 썼다는 뜻입니다.',
    karpFlatt:
      'Karp–Flatt 직렬 비율 e = (1/S − 1/N) ÷ (1 − 1/N): 나눌 수 없는 것처럼 동작한 작업의 비율입니다. N이 커질수록 e가 커지면 워커와 함께 오버헤드가 늘어난 것입니다.',
    median:
      '반복 측정 시간의 가운데 값: 절반은 더 빠르고 절반은 더 느렸습니다. 평균과 달리 느린 측정 하나에 거의 흔들리지 않습니다.',
    sigma:
      'σ(표준편차): 각 반복이 평균에서 보통 얼마나 떨어져 있는지. σ가 작으면 시간이 안정적입니다.',
    interval:
      '95 % 신뢰구간: 이 반복들로 볼 때 실제 중앙값이 있을 가능성이 높은 범위. 반복을 늘리면 좁아집니다.',
    spawn:
      '워커를 띄워 준비될 때까지 걸린 시간(콜드 풀만): 새 프로세스는 숫자 하나를 더하기 전에 런타임을 띄우고 코드를 읽어야 합니다.',
    sum: '모든 합계를 닫힌 식 n·(a+b)/2로 검사하므로, 틀리거나 사라진 부분합이 있으면 여기에 드러납니다.',
    usl: '보편적 확장성 법칙(USL): σ(경합)는 차례를 기다리는 작업의 비율로, 암달의 직렬 비율과 같습니다. κ(일관성)는 워커끼리 서로의 상태를 맞추는 데 드는 비용으로, 워커 쌍마다 늘어나 워커가 많을수록 오히려 느려지게 할 수 있습니다.',
    rSquared:
      'R²(적합도): 곡선이 측정한 속도 향상을 얼마나 설명하는지, 0(전혀)부터 1(전부)까지. 0.9보다 낮으면 맞춘 값이 별 의미가 없습니다.',
    pss: 'PSS(비례 집합 크기): 다른 프로세스와 함께 쓰는 메모리 페이지를 나눠 센 워커의 메모리로, 워커들을 더해도 공유 페이지를 두 번 세지 않습니다. RSS는 공유 페이지를 통째로 셉니다.'
  },
  empty: {
    title: '아직 결과가 없습니다',
    lead: '이 컴퓨터에서 워커를 늘리면 범위 합계가 얼마나 빨라지는지 재 봅니다:',
    leadCommand: '이 컴퓨터에서 워커를 늘리면 내 명령이 얼마나 빨라지는지 재 봅니다:',
    step1Command:
      '왼쪽에 명령줄을 쓰고 형태를 고르세요: {workers}로 N을 알려 준 프로세스 하나, 또는 {index}로 구별되는 사본 N개 동시 실행.',
    step1:
      '왼쪽에서 프리셋을 고르세요. 튜토리얼은 파이썬 튜토리얼 “병렬 처리 - multiprocessing”의 실험을 그대로 재현하고, 모든 코어는 큰 범위 하나를 모든 코어에 나눕니다.',
    step2: (shortcut: string) => `왼쪽 아래의 벤치마크 실행을 누르세요(또는 ${shortcut}).`,
    step3: '속도 향상과 그래프, 그리고 왜 N배가 아닌지 읽어 보세요.',
    tutorial: 'multiprocessing 튜토리얼의 실험 설정하기',
    explain: '무엇을 측정하고 있나요?'
  },
  chartData: {
    caption: (title: string) => `${title}: 데이터`,
    workers: '워커',
    median: '중앙값',
    min: '최소',
    max: '최대',
    speedup: '속도 향상',
    ideal: '이상적',
    interval: '95% 구간',
    worker: (index: number) => `워커 ${n(index)}`,
    workerCol: '워커',
    date: '날짜',
    historySummary: (runs: number, from: string, to: string, latest: string) =>
      `${from}부터 ${to}까지 실행 ${n(runs)}개. 최근: ${latest}.`
  },
  explain: {
    tab: '무엇을 측정하나요?',
    heading: '무엇을 측정하고 있나요?',
    intro:
      'Speedup Lab은 한국어 튜토리얼 “병렬 처리 - multiprocessing”에서 출발했습니다. 그 글은 0부터 50,000,000까지의 정수를 프로세스 하나로, 다음엔 둘로 더하고 “2.4배 빠름”이라고 출력했는데, 합계는 0이었습니다. 무엇이 틀렸고 무엇이 맞았는지, 그리고 여러분의 실행 결과가 무엇을 말하는지 정리했습니다.',
    subject: (date: string, config: string) =>
      `아래 숫자는 ${date} 실행(${config})에서 가져왔습니다.`,
    noRuns:
      '아직 벤치마크를 실행하지 않았습니다. 튜토리얼 프리셋을 불러오고 벤치마크 실행을 누르면 아래 모든 항목이 여러분의 숫자로 채워집니다.',
    loading: '실행 기록을 읽는 중…',
    tutorialPreset: 'multiprocessing 튜토리얼의 실험 설정하기',
    scalingPreset: '작업 하나를 모든 코어로 나누는 설정 불러오기',
    zero: {
      heading: '1. 튜토리얼의 합계는 왜 0이었을까',
      body: 'multiprocessing.Process로 만든 자식 프로세스는 각자 자기 메모리를 가집니다. 자식들은 합계를 리스트 result의 자기 사본에 추가했고, 부모의 리스트는 비어 있었기 때문에 0이 출력되었습니다. 결과는 Queue, Pipe, Pool의 반환값 같은 방법으로 돌려보내야 합니다. Speedup Lab의 워커는 부분합을 메시지로 돌려보내고, 합계는 닫힌 식 n·(a+b)/2로 검사합니다.',
      run: (date: string, config: string) => `튜토리얼과 같은 형태의 내 실행, ${date}(${config}):`,
      caption: '튜토리얼의 실행과 여러분의 실행',
      tutorial: '튜토리얼(파이썬)',
      yours: '내 실행(Speedup Lab)',
      work: '작업',
      tutorialWork: '0 … 50,000,000의 합 × 2',
      yourWork: (workers: number, range: string) => `${range}의 합 × ${n(workers)}`,
      yourSplitWork: (range: string, workers: number) => `${range}의 합을 ${n(workers)}개로 나눔`,
      sequential: '하나씩 차례로',
      parallel: (workers: number) => `워커 ${n(workers)}개 동시에`,
      ratio: '빨라진 정도',
      total: '합계',
      wrongZero: '0 — 오답',
      correct: (sum: string) => `${sum} — 정답`,
      wrong: (sum: string) => `${sum} — 오답`,
      verified: (expected: string) => `n·(a+b)/2 = ${expected}로 검사함`,
      replicateNote: (workers: number) =>
        `튜토리얼처럼 워커 ${n(workers)}개가 각자 범위 전체를 더했습니다. “하나씩 차례로”는 워커 하나의 시간 × ${n(workers)}이고, 이를 모두 동시에 돌린 시간과 비교합니다.`,
      splitNote:
        '이 실행은 하나의 범위를 워커들이 나누어 계산했습니다. 비율은 같은 작업에서 워커 1개의 시간 ÷ 워커 N개의 시간입니다.',
      buildMachine:
        '이 프로젝트의 2코어 빌드 머신에서 튜토리얼 스크립트를 그대로 돌리면 2.42초와 1.17초(2.1배)가 나오고, 합계는 여전히 0으로 출력됩니다.'
    },
    threads: {
      heading: '2. 스레드: CPython에서는 소용없고, JavaScript에서는 진짜 병렬',
      python:
        '파이썬에 대해서는 튜토리얼이 맞습니다. CPython의 전역 인터프리터 락(GIL) 때문에 한 번에 한 스레드만 파이썬 코드를 실행하므로, 스레드 두 개로 숫자를 더해도 하나일 때와 시간이 같습니다. 스레드는 네트워크나 파일을 기다리는 작업에서만 이득이 있습니다.',
      javascript:
        'JavaScript에는 그런 락이 없습니다. worker_threads의 워커는 저마다 V8 엔진과 이벤트 루프를 가지고 각자의 코어에서 진짜로 병렬 실행됩니다. 프로세스와 비슷하지만 시작이 빠르고 메모리를 덜 씁니다. 워커끼리 JavaScript 객체를 공유하지 않으므로 결과는 역시 메시지로 돌려보냅니다.',
      caption: '스레드와 프로세스로 한 내 실행',
      backend: '백엔드',
      run: '실행',
      t1: '시간, 워커 1개',
      tn: '시간, 워커 N개',
      speedup: '속도 향상',
      at: (speedup: string, workers: number) => `워커 ${n(workers)}개에서 ${speedup}`,
      onlyProcess:
        '지금까지의 실행은 모두 프로세스를 썼습니다. 백엔드 → 스레드를 고르고 같은 설정으로 다시 실행해 비교해 보세요.',
      onlyThread:
        '지금까지의 실행은 모두 스레드를 썼습니다. 백엔드 → 프로세스를 고르고 같은 설정으로 다시 실행해 비교해 보세요.',
      none: '같은 설정을 프로세스로 한 번, 스레드로 한 번 실행하면 여기에서 비교할 수 있습니다.'
    },
    spawn: {
      heading: '3. 워커를 띄우는 비용',
      body: '워커는 숫자 하나를 더하기 전에 먼저 시작해야 합니다. 프로세스는 JavaScript 런타임 전체를 띄우고 워커 코드를 읽어야 하고, 스레드는 더 싸지만 공짜는 아닙니다. 튜토리얼은 이 시작 시간을 작업 시간에 포함해 쟀습니다. Speedup Lab은 따로 잽니다. 콜드 풀은 튜토리얼처럼 측정 구간 안에서 워커를 띄우고, 웜 풀은 측정 전에 미리 띄워 둡니다.',
      cold: (date: string, backend: string) => `${date}의 콜드 실행(${backend}):`,
      share: (workers: number, spawn: string, wall: string, percent: string) =>
        `워커 ${n(workers)}개일 때 전체 ${wall} 중 시작에 ${spawn}(${percent})가 걸렸습니다.`,
      warm: (warm: string, cold: string) =>
        `같은 작업을 웜 풀로 실행하면 워커 1개에 ${warm}, 콜드로는 ${cold}였습니다.`,
      noWarm: '같은 설정을 풀 → 웜으로 실행하면 시작 시간을 뺀 시간을 볼 수 있습니다.',
      longer: (spawn: string, job: string) =>
        `워커 하나를 띄우는 데 ${spawn}가 걸려 작업 자체(${job})보다 길었습니다. 이렇게 짧은 작업에서는 워커를 늘릴수록 아끼는 시간보다 드는 비용이 큽니다.`,
      noCold:
        '콜드 풀로 실행한 기록이 없습니다. 튜토리얼 프리셋이 콜드 풀을 씁니다. 실행해서 시작 비용을 확인해 보세요.'
    },
    amdahl: {
      heading: '4. Amdahl의 법칙: 왜 N배가 아닐까',
      chart: '내 속도 향상과 그 점들을 지나는 법칙',
      chartDesc: '구간과 함께 측정한 S, 암달의 곡선, 그리고 맞춘 경우 USL의 곡선.',
      body: '작업 중 비율 f만큼을 나눌 수 없다면(시작, 전달, 병합, 가장 느린 워커 기다리기), 워커 N개의 속도 향상은 기껏해야 S(N) = 1 ÷ (f + (1 − f)/N)이고, 워커를 아무리 늘려도 1/f를 넘지 못합니다.',
      karpFlatt:
        'Karp–Flatt은 측정한 속도 향상을 다시 그 비율로 바꿉니다: e = (1/S − 1/N) ÷ (1 − 1/N). e가 일정하면 진짜 직렬 부분이고, N에 따라 커지면 워커와 함께 늘어나는 오버헤드입니다.',
      run: (date: string, config: string) => `${date}의 분할 실행(${config}):`,
      caption: '워커 수별 속도 향상, 효율, 직렬 비율',
      workers: '워커',
      speedup: '속도 향상',
      efficiency: '효율',
      karpFlattCol: 'Karp–Flatt e',
      fit: (f: string, ceiling: string, r2: string) =>
        `코어 안에서 유의한 속도 향상을 보인 워커 수에 피팅한 직렬 비율은 f = ${f}(R² = ${r2})입니다. 워커를 몇 개 쓰든 1/f ≈ ${ceiling}를 넘을 수 없습니다.`,
      noCeiling: (f: string, r2: string) =>
        `코어 안에서 유의한 속도 향상을 보인 워커 수에 피팅한 결과 f = ${f}(R² = ${r2}): 측정한 범위에서는 직렬 부분이 보이지 않습니다.`,
      noSplit:
        'Amdahl의 법칙은 하나의 작업을 N개로 나누는 경우의 이야기입니다. 모든 코어 프리셋(하나의 범위를 1 … 모든 코어로 분할)을 실행하면 직렬 비율을 볼 수 있습니다.'
    },
    waiting: {
      heading: '6. 기다리는 일에는 스레드',
      why: '기다리는 워커는 코어를 붙잡지 않습니다. 답이 오는 동안 운영체제는 다른 일을 실행합니다. 지연 뒤에 답을 받는 요청 R개를 워커 N개가 나누면 코어가 몇 개든 약 ceil(R/N) × 지연 만에 끝납니다. 그래서 계산은 코어 수에서 멈추지만 대기는 코어 수를 넘어 빨라집니다. 튜토리얼 주장 중 어느 언어에서나 맞는 절반, “I/O에는 스레드가 좋다”가 이것입니다.',
      node: 'Node는 소켓을 기다리는 데 스레드가 필요 없습니다. 이벤트 루프(libuv, epoll·kqueue·IOCP 위)가 스레드 하나에서 수천 개의 소켓을 기다립니다. 여기의 워커 없음(async) 백엔드가 그것으로, 워커 없이 요청 N개를 동시에 보냅니다. 파일, dns.lookup, crypto(pbkdf2, scrypt, randomBytes), zlib은 다릅니다. 운영체제가 막히지 않고 기다릴 방법을 주지 않으므로 libuv가 자신의 스레드 풀에서 실행합니다. 기본 4개이며 UV_THREADPOOL_SIZE로 1024개까지 늘릴 수 있습니다. 동시에 다섯 번째 파일 읽기는 빈 스레드를 기다립니다.',
      python:
        '나머지 절반, “CPU 작업에는 파이썬 스레드가 도움이 안 된다”는 GIL 때문이며 바뀌고 있습니다. CPython 3.13의 free-threaded 빌드(python3.13t, PEP 703, 아직 실험적)에는 GIL이 없어서, 숫자를 더하는 스레드가 이 앱의 스레드 백엔드처럼 여러 코어에서 병렬로 실행됩니다. 기본 빌드에는 여전히 GIL이 있어 튜토리얼의 주장이 맞습니다.',
      run: (when: string, config: string) => `${when}의 대기 실행: ${config}`,
      figures: (
        workers: number,
        requests: number,
        delay: string,
        tn: string,
        speedup: string,
        ideal: string
      ) =>
        `워커 ${n(workers)}개가 지연 ${delay}인 요청 ${n(requests)}개에 ${tn} 만에 답을 받았습니다: ${speedup}, 이상적 값 ${ideal}.`,
      pastCores: (workers: number, speedup: string, cores: number) =>
        `코어 수를 넘었습니다: 기다리는 워커 ${n(workers)}개가 코어 ${n(cores)}개에서 ${speedup}에 이르렀고, 95% 구간 전체가 ${n(cores)}보다 큽니다. 덧셈은 그럴 수 없습니다. 워커마다 코어가 필요하기 때문입니다.`,
      withinCores: (cores: number) =>
        `이 실행의 워커 수는 모두 코어 ${n(cores)}개 이내라서 대기가 코어 수를 넘는 모습을 보여 줄 수 없습니다. 코어보다 많은 워커로 실행해 보세요(확장성의 계산 대 대기는 16배까지 갑니다).`,
      notShown: (workers: number, speedup: string, cores: number) =>
        `워커 ${n(workers)}개가 ${speedup}에 이르렀지만 코어 ${n(cores)}개보다 유의하게 크지 않습니다. 이 실행으로는 어느 쪽도 말할 수 없습니다(반복을 늘리거나 지연을 길게 하면 구간이 좁아집니다).`,
      noWorker: (workers: number) =>
        `워커가 전혀 없었습니다: 이벤트 루프 하나가 요청 ${n(workers)}개를 동시에 기다렸습니다.`,
      serverCpu: (cpu: string, wall: string) =>
        `지연 서버는 ${wall} 걸린 반복에서 CPU를 ${cpu} 썼습니다. 기다리는 데에는 CPU가 거의 들지 않습니다.`,
      none: '아직 대기 실행이 없습니다. 폼에서 대기(I/O)를 실행하거나 확장성에서 계산 대 대기를 실행하면 직접 잰 숫자로 볼 수 있습니다.'
    }
  },
  /** The app shell's own words: the folded tab menu, run actions, history rows. */
  shell: {
    historyAxis: '실행 시작 시각(오래된 것부터)',
    historyRun: (index: number, total: number, date: string) =>
      `실행 ${n(index)}/${n(total)} · ${date}`,
    runAgain: '이 설정으로 다시 실행',
    copySummary: '요약 복사',
    summaryCopied: '요약을 클립보드에 복사했습니다(Markdown: 판정과 표).',
    copyFailed: '클립보드에 복사하지 못했습니다.',
    showInFolder: '폴더에서 보기',
    loadingView: '불러오는 중…',
    onWorkers: (count: number) => `워커 ${n(count)}개`
  },
  /* ── 커널: js 루프와 wasm SIMD 루프 (issue 10) ── */
  kernels: {
    legend: '커널',
    js: 'JavaScript',
    jsHint: '튜토리얼의 루프: 원소마다 double에 한 번씩 더합니다(청크 단위로 정확).',
    wasm: 'WebAssembly SIMD',
    wasmHint:
      '같은 합을, 모든 원소를 더하면서 128비트 벡터로 여덟 개씩 계산합니다: 몇 배 빠릅니다.',
    words: { js: 'js 커널', wasm: 'wasm 커널' },
    perWorker: '워커당',
    perWorkerTip: '각 워커가 자기 계산 시간 1초 동안 더한 원소 수(모든 반복에서 중앙값 워커).',
    compare: '커널 비교',
    compareHint:
      '두 커널로 크기 스윕을 실행합니다. 시작과 메시지 비용은 그대로이므로, 루프가 빠를수록 N개 워커가 이기려면 더 큰 작업이 필요합니다.',
    heading: '커널 비교',
    caption: '커널별: 루프의 속도, N개 워커가 처음 이기는 크기, 가장 큰 크기에서의 속도 향상',
    kernel: '커널',
    nsPerElement: '원소당 ns',
    breakEven: (pool: string) => `손익분기점 (${pool})`,
    speedupAt: (size: string) => `${size}에서의 속도 향상`,
    never: (size: string) => `${size} 초과`,
    always: (size: string) => `${size} 미만`,
    about: (size: string) => `약 ${size}`,
    somewhere: (lower: string, upper: string) => `${lower} … ${upper} 사이 어딘가`,
    noisy: '(잡음 큼)',
    unclear: '불분명',
    explainer: {
      heading: '5. 루프가 빠를수록 병렬화는 더 늦게 이득이 됩니다',
      body: '작업을 나누면 계산 시간은 줄지만 고정 비용이 더해집니다: 워커를 띄우거나 깨우고, 작업을 보내고, 합을 모으는 비용입니다. 빠른 커널은 계산만 줄이고 그 비용은 그대로 두므로, N개 워커가 이기려면 더 큰 작업이 필요하고, 같은 크기에서는 속도 향상이 더 낮습니다.',
      yours: (fast: string, slow: string, ratio: string) =>
        `내 스터디: ${fast} 루프는 원소당 시간이 ${slow} 루프보다 ${ratio}배 짧았습니다.`,
      breakEven: (pool: string, slow: string, slowSize: string, fast: string, fastSize: string) =>
        `${pool}: N개 워커가 처음 이기는 크기는 ${slow}에서 원소 ${slowSize}개, ${fast}에서 ${fastSize}개입니다.`,
      speedup: (size: string, slow: string, slowS: string, fast: string, fastS: string) =>
        `${size}개 원소에서 속도 향상은 ${slow}에서 ${slowS}, ${fast}에서 ${fastS}였습니다.`,
      none: '스케일링 화면에서 “커널 비교”로 크기 스윕을 실행하면 내 숫자로 볼 수 있습니다.'
    }
  },
  // Issue 12: 코드로 표현한 검증 오류 (src/shared/issueCodes.ts).
  issues: {
    fields: {
      start: '범위 시작',
      end: '범위 끝',
      range: '범위',
      workers: '워커 수',
      worker: '워커 수',
      workload: '작업 방식',
      backend: '백엔드',
      pool: '풀',
      warmup: '워밍업 횟수',
      reps: '반복 횟수',
      '(config)': '설정',
      size: '크기',
      sizes: '크기',
      backendItem: '백엔드',
      backends: '백엔드',
      kernel: '커널',
      kernels: '커널',
      requests: '요청 수',
      delayMs: '지연(ms)',
      wait: '대기'
    } as Record<string, string>,
    codes: {
      required: (f: string) => `${f}: 값을 입력해 주세요`,
      'not-a-number': (f: string) => `${f}: 숫자여야 합니다`,
      'not-a-number-or-auto': (f: string) => `${f}: 숫자 또는 auto여야 합니다`,
      'not-integer': (f: string) => `${f}: 정수여야 합니다`,
      'not-safe-integer': (f: string) => `${f}: 안전한 정수(|x| ≤ 2^53 − 1)여야 합니다`,
      'not-a-list': (f: string) => `${f}: 목록이어야 합니다`,
      'not-an-object': (f: string) => `${f}: { start, end } 형식이어야 합니다`,
      'too-small': (f: string, min: number) => `${f}: ${n(min)} 이상이어야 합니다`,
      'too-big': (f: string, max: number) => `${f}: ${n(max)} 이하여야 합니다`,
      'too-few': (f: string, min: number) => `${f}: ${n(min)}개 이상 입력해 주세요`,
      'too-many': (f: string, max: number) => `${f}: 최대 ${n(max)}개까지 입력할 수 있습니다`,
      'one-of': (f: string, values: string) => `${f}: ${values} 중 하나여야 합니다`,
      'unknown-fields': (names: string) => `알 수 없는 항목: ${names}`,
      'range-empty': () => '범위 끝은 범위 시작보다 커야 합니다(빈 범위는 더할 것이 없습니다)',
      'weak-unsafe': () =>
        '약한 스케일링은 범위를 N배로 늘립니다: 늘린 범위도 안전한 정수 안에 있어야 합니다',
      'server-required': () => 'NATS 서버를 입력해 주세요',
      'server-invalid': (reason: string) => `NATS 서버 주소가 올바르지 않습니다: ${reason}`,
      'study-server-required': () =>
        '클러스터와 비교하려면 NATS 서버 주소가 필요합니다 (예: nats://host:4222)',
      'study-empty': () => '스터디에는 스윕할 크기나 비교할 백엔드, 또는 둘 다가 필요합니다',
      'not-distinct': (f: string) => `${f}: 서로 달라야 합니다`,
      'sweep-needs-two': () =>
        '크기 스윕은 워커 1개와 N개를 비교합니다: 2 이상인 워커 수를 넣어 주세요',
      'size-unsafe': (size: number, copies: number) =>
        `범위 시작 + ${n(size)}${copies > 1 ? ` × ${n(copies)}` : ''}: 안전한 정수를 벗어납니다`,
      'not-a-size': (text: string) => `"${text}": 크기가 아닙니다(예: 100_000, 1e5 또는 10^5)`,
      'not-a-span': (text: string) => `"${text}": A..B 형식이 아닙니다`,
      'span-upwards': (text: string) => `"${text}": 구간은 1 이상에서 시작해 커져야 합니다`,
      'no-sizes': () => '크기를 하나 이상 입력해 주세요',
      'kernel-unsupported': (worker: string) =>
        `${worker}: 이 런타임에는 WebAssembly SIMD(i64x2)가 없어 wasm 커널을 실행할 수 없습니다. js 커널을 선택해 주세요.`,
      'command-empty': () => '명령이 비어 있습니다',
      'command-too-long': (max: number) => `명령이 ${n(max)}자보다 깁니다`,
      'command-nul': () => '명령에 NUL 문자가 있습니다',
      'command-needs-shell': () =>
        '셸이 필요한 문법입니다(파이프, 리디렉션, 변수, 패턴): “셸로 실행”을 켜세요',
      'command-unclosed-quote': () => '따옴표가 닫히지 않았습니다',
      'command-trailing-backslash': () => '명령이 백슬래시로 끝납니다',
      'placeholder-unknown': (placeholder: string, role: string, known: string) =>
        `${role}에서는 {${placeholder}}를 쓸 수 없습니다. 쓸 수 있는 것: ${known || '없음'}`,
      'size-unused': () => '명령의 크기 스윕에는 명령줄에 {size}와 그 값들이 있어야 합니다',
      'program-not-found': (program: string) => `찾을 수 없음: ${program}`,
      'command-local-only': () =>
        '명령은 이 컴퓨터에서 프로세스로만 실행됩니다: 프로세스 백엔드를 고르세요',
      'command-study-sizes-only': () =>
        '명령의 연구는 {size}의 크기 스윕뿐입니다: 백엔드·커널·워크로드 비교는 합계용입니다',
      'cwd-missing': (path: string) => `폴더가 아닙니다: ${path}`,
      'async-needs-wait': () =>
        '워커 없음(async)은 기다리기만 합니다. 덧셈을 계산할 코어가 없으니 프로세스나 스레드를 고르세요',
      'wait-required': () => '대기 작업에 요청 수와 지연을 입력해 주세요',
      'wait-split-only': () => '대기는 R개의 요청을 워커들이 나눠 보냅니다. 분할(split)만 됩니다',
      'wait-not-on-cluster': () =>
        '대기는 이 컴퓨터에서만 실행됩니다. 서버가 이 컴퓨터의 127.0.0.1에 있어 원격 워커가 닿을 수 없습니다',
      invalid: (f: string) => `${f}: 올바르지 않습니다`
    }
  },
  // Issue 12: 한 번의 실행이 할 수 있는 작업의 한도 (src/shared/limits.ts).
  /* ── Your command (issue 20) ── */
  command: {
    whatToRun: '실행할 작업',
    sum: '합계',
    sumHint: '튜토리얼의 작업: 범위의 모든 정수를 더하고 닫힌 식으로 검증합니다.',
    job: '내 명령',
    jobHint:
      '내 명령은 얼마나 빨라질까요? N개를 쓰라고 알려 준 한 프로세스, 또는 동시에 실행한 N개의 사본.',
    card: '0으로 종료한 사본',
    cardOk: '모두',
    cardBad: '모두는 아님',
    cardOf: (copies: string) => `사본 ${copies}개 중`,
    cardOfRun: (copies: string) => `모든 반복의 사본 ${copies}개 중`,
    line: '명령줄',
    linePlaceholder: 'xz -T{workers} -c data.bin > /dev/null',
    shape: '형태',
    shapeWorkers: '프로세스 하나, 워커 N개',
    shapeWorkersHint:
      '{workers}로 N개를 쓰라고 알려 줍니다(예: xz -T{workers}). 속도 향상 T1 ÷ TN.',
    shapeCopies: '사본 N개 동시 실행',
    shapeCopiesHint: '사본 N개를 함께 실행하고 {index}로 구별합니다. 확장 속도 향상 N·T1 ÷ TN.',
    shell: '셸로 실행 (sh -c)',
    shellHint: '끄면 단어를 그대로 실행합니다. 파이프, 리디렉션, $변수는 거부됩니다.',
    cwd: '작업 폴더',
    cwdHint: '비워 두면 앱이 시작된 폴더입니다.',
    chooseFolder: '선택…',
    timeout: '반복당 제한 시간',
    timeoutHint: '그때까지 실행 중인 사본은 멈추고 그 반복은 실패합니다: 30s, 10m, 1h.',
    timeoutBad: '시간 형식이 아닙니다(예: 30s, 10m, 1h)',
    setup: '준비(처음 한 번)',
    prepare: '반복 전 준비(시간 측정 안 함)',
    cleanup: '정리(마지막 한 번)',
    ignoreFailure: '사본이 실패해도 계속(그 반복에 표시)',
    placeholders: '자리표시자',
    placeholderWorkers: '{workers}: N, 이번 반복의 워커 수',
    placeholderIndex: '{index}: 사본 번호 0 … N−1 (사본 N개 형태만)',
    placeholderRep: '{rep}: 반복 번호(워밍업은 0)',
    placeholderSize:
      '{size}: 크기 스윕의 각 크기 (스케일링 탭이 그 값들을 1 워커 대 N으로 스윕합니다)',
    sizes: '{size}의 값',
    sizesHint:
      '쉼표로 구분 (1000, 1e4, 10^3..10^5). 값이 여럿이면 실행이 모두를 1 워커 대 N으로 스윕하고 스케일링 탭에 보여 줍니다.',
    placeholderLifecycle:
      '준비 명령은 {workers}와 {rep}를 알고, 설정·정리 명령은 아무것도 모릅니다. 다른 {name}은 거부됩니다; 글자 그대로의 중괄호는 따옴표로 감싸세요.',
    confirmNote: '명령을 처음 실행하기 전에 앱이 정확한 명령을 보여 주고 확인을 받습니다.',
    cpuUtilization: 'CPU 사용률',
    cpuUtilizationHint: 'CPU 시간 ÷ (벽시계 시간 × N): 작업이 코어 N개를 바쁘게 했나요?',
    notMeasured: '측정 안 됨',
    exitZero: '모든 사본이 0으로 종료',
    wrongTitle: '실패한 사본이 있음: 시간은 의미가 없습니다',
    wrongReason: (workers: string) =>
      `워커 ${workers}개에서 모든 사본이 0으로 종료하지는 않았습니다: 모든 사본이 성공하기 전에는 어떤 시간도 의미가 없습니다.`,
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `작업이 너무 작습니다: 사본 ${n(workers)}개일 때 사본마다 ${compute} 실행하는데 반복마다 오버헤드가 ${overhead}입니다. 명령에 더 많은 일을 주세요.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `워커를 늘리면 더 느립니다: 가장 나은 ${n(workers)}개도 ${speedup}(${ci})에 그칩니다. 이 명령은 오버헤드가 지배합니다. 더 많은 일을 주세요.`,
    scaledNote:
      '확장 속도 향상 N·T1/TN: 사본 N개가 동시에 실행되고 사본마다 명령 전체를 실행합니다(N배의 일). 이상적으로 N.',
    exitedOf: (exited: number, copies: number) => `${copies}개 중 ${exited}개가 0으로 종료`,
    exitFailed: '실패한 사본이 있음',
    notCorrect:
      '0으로 종료하지 않은 사본이 하나 이상 있습니다(어느 사본이 왜 그랬는지는 경고를 보세요).'
  },
  /* ── 계산 대 대기, 확장성 탭의 연구 (issue 17) ── */
  workloads: {
    option: '계산 대 대기',
    hint: (list: string) =>
      `덧셈(프로세스)과 대기(스레드, 프로세스, 워커 없음)를 워커 ${list}개로, 하나의 작업을 웜 풀에서 나눠 실행합니다. 덧셈은 코어 수에서 멈추고 대기는 멈추지 않습니다. 단독으로 실행됩니다.`,
    alone: '계산 대 대기는 단독으로 실행됩니다. 선택한 동안 다른 연구는 꺼집니다.',
    tutorial: '튜토리얼: 계산 대 대기',
    tutorialHint:
      '튜토리얼의 나머지 절반: “I/O에는 스레드, CPU에는 프로세스”를 직접 잽니다. 튜토리얼 프리셋을 채우고 확장성 탭에서 계산 대 대기를 고릅니다.',
    heading: '계산 대 대기',
    intro:
      '같은 워커 수에서 각 워크로드의 백엔드별 속도 향상, 코어 수 표시: 계산은 코어를 나눠 쓰고 대기는 그렇지 않습니다.',
    chart: '속도 향상: 계산 대 대기',
    chartDesc: (cores: number) =>
      `덧셈과 대기의 속도 향상 T1/TN ± e. 세로선은 코어 ${n(cores)}개를 표시합니다.`,
    job: { sum: '덧셈', wait: '대기' } as Record<'sum' | 'wait', string>,
    backend: { process: '프로세스', thread: '스레드', async: '워커 없음(async)' } as Record<
      string,
      string
    >,
    cores: (cores: number) => `코어 ${n(cores)}개`,
    oversubscribed: '과다 할당(코어보다 많은 워커가 CPU를 번갈아 씀)',
    overAt: (what: string, list: string) => `${what}: ${list}`,
    overNone: (what: string) => `${what}: 없음 — 기다리는 워커는 코어를 번갈아 쓰지 않습니다`,
    overNoneSum: (what: string) => `${what}: 없음`
  },
  /* ── 대기(I/O), 튜토리얼의 나머지 절반 (issue 17) ── */
  wait: {
    job: '대기(I/O)',
    jobHint:
      '튜토리얼의 나머지 절반: 이 컴퓨터의 서버가 정해진 지연 뒤에 답하는 요청 R개를, 기다리기만 하는 워커 N개가 나눠 보냅니다.',
    heading: '요청',
    requests: '요청 수(R)',
    requestsHint: '워커들이 나눠 맡습니다. 각 워커는 자기 몫을 하나씩 차례로 보냅니다.',
    delay: '지연(ms)',
    delayHint: '서버가 요청마다 답하기 전에 기다리는 시간입니다.',
    idealFacts: (ideal1: string) =>
      `워커 1개의 이상적 시간: R × 지연 = ${ideal1}, 워커 N개: ceil(R/N) × 지연.`,
    asyncHint: '워커가 전혀 없습니다. 엔진 자신의 이벤트 루프에서 요청 N개를 동시에 보냅니다.',
    asyncNotForSum:
      '워커 없음(async)은 대기에서만 고를 수 있습니다. 이벤트 루프 하나는 많은 요청을 동시에 기다릴 수 있지만 계산은 코어 하나에서 합니다. 덧셈에는 프로세스나 스레드가 필요합니다.',
    ideal: '이상적',
    idealTip:
      'ceil(R/N) × 지연: 각 워커가 ceil(R/N)개의 요청을 차례로 보내고, 각 요청은 지연 뒤에 답을 받습니다. 어떤 실행도 이보다 빠를 수 없습니다.',
    serverCpu: '서버 CPU',
    serverCpuTip:
      '지연 서버가 반복 한 번에 요청을 처리하는 데 쓴 CPU 시간(중앙값): 지연 뒤에 답하는 데에는 CPU가 거의 들지 않습니다. 지연을 정확히 지키려고 답하기 직전 1ms 동안 루프를 돌린 시간은 빠집니다.',
    answered: '모든 요청에 한 번씩 응답',
    answeredLabel: '모든 요청이 정확히 한 번씩 응답받음',
    unansweredLabel: '정확히 한 번씩 응답받지 못한 요청이 있음',
    notMeasured: '측정 안 됨',
    wallTimeDesc:
      '막대: 실행 시간의 중앙값, 점: 측정한 모든 반복, 점선: 이상적 한계 ceil(R/N) × 지연.',
    speedupDesc:
      '측정한 속도 향상과 95% 구간, 이상적 값 R ÷ ceil(R/N)과 비교: 기다리는 워커는 코어를 나눠 쓰지 않으므로 코어 수를 넘을 수 있습니다.',
    idealBound: '이상적 한계 ceil(R/N) × 지연',
    idealSpeedup: '이상적 R ÷ ceil(R/N)',
    card: '응답받은 요청',
    cardOk: '각각 한 번',
    cardBad: '한 번씩이 아님',
    cardOf: (requests: string) => `요청 ${requests}개 중`,
    notCorrect: '정확히 한 번 응답받지 못한 요청이 있습니다.',
    wrongTitle: '응답받지 못한 요청이 있음: 어떤 시간도 의미가 없습니다',
    wrongReason: (workers: string) =>
      `워커 ${workers}개에서 모든 요청이 정확히 한 번씩 응답받지 못했습니다. 모두 응답받기 전에는 어떤 시간도 의미가 없습니다.`,
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `작업이 너무 작습니다: 워커 ${n(workers)}개에서 각 워커가 ${compute} 동안 기다리는데, 반복마다 부가 비용이 ${overhead}입니다. 요청을 늘리거나 지연을 길게 하세요.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `워커를 늘리면 더 느립니다: 가장 좋은 워커 ${n(workers)}개도 ${speedup}(${ci})에 그칩니다. 부가 비용이 이 작업을 지배합니다. 요청을 늘리거나 지연을 길게 하세요.`
  },
  limits: {
    confirmLong: (estimate: string, bound: string) =>
      `이 실행은 약 ${estimate} 걸릴 것으로 예상되어 ${bound}을(를) 넘습니다. 언제든 취소할 수 있습니다. 시작할까요?`
  },
  /* ── Cluster backend (issue 11) ── */
  cluster: {
    server: 'NATS 서버',
    serverHint:
      'nats://호스트:4222 또는 nats://사용자:비밀번호@호스트:4222, 한 NATS 클러스터의 여러 서버는 쉼표로 구분 — 자격 증명은 연결에만 쓰이고 표시되거나 저장되지 않습니다.',
    test: '연결 테스트',
    testing: '연결하는 중…',
    found: (agents: number, workers: number) =>
      `에이전트 ${agents}개, 사용 가능한 워커 ${workers}개`,
    none: '연결했지만 응답한 에이전트가 없습니다. 에이전트를 시작하세요: speedup-lab worker --server …',
    failed: (message: string) => `연결할 수 없습니다: ${message}`,
    caption: '클러스터에서 찾은 워커',
    host: '호스트',
    agent: '에이전트',
    cores: '코어',
    kernels: '커널',
    workers: '사용 가능 / 워커',
    roundTrip: '왕복 시간',
    kind: { process: '프로세스', thread: '스레드' },
    sharedName: (name: string) =>
      `이름이 ${name}인 에이전트가 여럿입니다. ID로 구분해 표시합니다(${name} #…). 에이전트를 시작할 때 각자 다른 이름을 지정하세요.`
  },
  /** 이슈 9: 실행의 판정과 워커 수별 판정(분석의 코드로부터). */
  verdicts: {
    heading: '판정',
    faster: (workers: number, speedup: string, interval: string) =>
      `워커 ${n(workers)}개가 1개보다 ${speedup} 빠릅니다(${interval}).`,
    slower: (workers: number, speedup: string, interval: string) =>
      `워커를 늘리면 느려집니다. 가장 나은 워커 ${n(workers)}개도 ${speedup}에 그칩니다(${interval}). 이 작업은 오버헤드가 지배합니다. 범위를 키우세요.`,
    noDifference: (workers: number, speedup: string, interval: string) =>
      `워커 1개와 유의한 차이가 없습니다. 가장 나은 워커 ${n(workers)}개가 ${speedup}이며(${interval}), 이 구간은 1을 포함합니다.`,
    interval: (low: string, high: string) => `95% 구간 ${low} … ${high}`,
    ciShort: (low: string, high: string) => `95% 구간 ${low}–${high}`,
    noInterval: (reps: number) =>
      `95% 구간 없음: 반복 ${n(reps)}회는 너무 적습니다. 5회 이상으로 하세요`,
    tooSmall: (compute: string, overhead: string) =>
      `너무 작아서 속도 향상을 잴 수 없습니다. 워커마다 계산이 ${compute}인데 반복마다 오버헤드가 ${overhead}입니다. 범위를 키우거나 웜 풀을 쓰세요.`,
    baselineOnly: '워커 1개만 측정해서 비교할 대상이 없습니다. 워커 수를 추가하세요(예: 1, 2).',
    wrongTotal: (workers: string) =>
      `워커 ${workers}개에서 합계가 틀렸습니다. 합계가 맞기 전에는 어떤 시간도 의미가 없습니다.`,
    oversubscribed: (workers: string, cores: number) =>
      `워커 ${workers}개는 사용 가능한 코어 ${n(cores)}개보다 많습니다. CPU를 번갈아 쓰므로 ${n(cores)}× 이상의 속도 향상은 불가능합니다.`,
    scaledNote:
      '확장 속도 향상 N·T1/TN: 워커마다 자기 몫을 계산합니다(N배의 일). 이상적인 값은 N입니다.',
    overheadDominates: (workers: number, speedup: string) =>
      `워커 ${n(workers)}개가 1개보다 느렸습니다(${speedup}). 이 작업은 오버헤드가 지배하므로 Amdahl의 직렬 비율은 적용되지 않습니다(1을 넘게 됩니다). 범위를 키우세요.`,
    karpFlattOutside:
      '속도 향상이 1과 N 사이인 워커 수가 없습니다. 오버헤드가 지배하므로 Karp–Flatt e(N)는 직렬 비율이 아닙니다.',
    scaledSpeedup: '확장 속도 향상',
    speedupCi: '95% 구간(속도 향상)',
    column: '판정',
    noCi: (reps: number) => `— (n = ${n(reps)})`,
    // One word per verdict for the app, the CLI and every export.
    row: REPORT_WORDS.ko.results.verdictWord
  },
  compare: {
    button: '비교',
    buttonHint: '두 실행을 나란히 비교하려면 정확히 두 개를 선택하세요.',
    selectTwo: '비교하려면 기록에서 실행을 정확히 두 개 선택하세요.',
    heading: '두 실행 비교',
    back: '기록으로 돌아가기',
    swap: '기준과 비교 대상 바꾸기',
    loading: '두 실행을 불러오는 중…',
    baseline: '기준',
    candidate: '비교 대상',
    chart: '워커 수별 시간 비율',
    chartDesc:
      '비교 대상 ÷ 기준과 95% 구간. 1보다 작으면 더 빠릅니다. 음영 띠 안은 변화 없음입니다.',
    chartSeries: '시간 비율',
    chartAxis: '비교 대상 ÷ 기준 시간',
    noChangeBand: (percent: string) => `변화 없음: ±${percent}%`,
    caption: '워커 수별 비교 대상 ÷ 기준, 95% 부트스트랩 구간',
    explain: (threshold: string) =>
      `시간 비율이 1보다 작으면 비교 대상이 더 빠르고, 속도 향상 비율이 1보다 크면 더 잘 확장됩니다. 변화는 95% 구간이 1을 벗어나고 잡음 임계값 ${threshold}보다 클 때만 인정됩니다.`,
    columns: {
      workers: '워커',
      median: '중앙값 이전 → 이후',
      timeRatio: '시간 비율 [95% CI]',
      time: '시간',
      speedup: '속도 향상 이전 → 이후',
      speedupRatio: '속도 향상 비율 [95% CI]',
      speedupVerdict: '속도 향상'
    },
    verdict: { improved: '개선됨', regressed: '저하됨', 'no-change': '변화 없음' },
    noInterval: '구간 없음(표본 3개 미만)',
    changed: (workers: number, verdict: string, change: string) =>
      `워커 ${n(workers)}개: ${verdict}, 중앙값 ${change}`,
    unchanged: (threshold: string) =>
      `어떤 워커 수에서도 잡음 임계값 ${threshold}를 넘는 변화가 없습니다.`,
    /** How a difference's setting and values are named (lib/compareDifference.ts). */
    field: {
      job: '작업',
      command: '명령',
      wait: '요청 수와 지연',
      backend: '백엔드',
      cluster: '클러스터 서버',
      pool: '풀',
      kernel: '커널',
      warmup: '워밍업 횟수',
      reps: '반복 횟수',
      serial: '직렬 기준',
      machine: '기계'
    } as Record<string, string>,
    value: { auto: '자동', yes: '예', no: '아니요', async: '비동기', none: '—' },
    difference: (field: string, baseline: string, candidate: string) =>
      `다른 ${field}끼리 비교: ${baseline} → ${candidate}`,
    onlyBaseline: (list: string) => `기준에만 있어 비교하지 않은 워커 수: ${list}`,
    onlyCandidate: (list: string) => `비교 대상에만 있어 비교하지 않은 워커 수: ${list}`,
    refused: '이 실행들은 비교할 수 없습니다',
    side: { baseline: '기준', candidate: '비교 대상' },
    refusal: {
      differentRange: (baseline: string, candidate: string) =>
        `합한 범위가 다릅니다(기준 ${baseline}, 비교 대상 ${candidate}). 서로 다른 작업의 시간입니다.`,
      differentWorkload: (baseline: string, candidate: string) =>
        `워크로드가 다릅니다(기준 ${baseline}, 비교 대상 ${candidate}). 서로 다른 작업의 시간입니다.`,
      noCommonWorkers: (baseline: string, candidate: string) =>
        `두 실행 모두에서 측정한 워커 수가 없습니다(기준 ${baseline}, 비교 대상 ${candidate}).`,
      wrongSum: (side: string, workers: number) =>
        `${side}의 워커 ${n(workers)}개 합계가 틀렸습니다. 잘못된 실행의 시간입니다.`,
      noSamples: (side: string, workers: number) =>
        `${side}에 워커 ${n(workers)}개의 표본이 없습니다.`
    },
    exportCsv: 'CSV 내보내기',
    exportJson: 'JSON 내보내기',
    exportMarkdown: 'Markdown 내보내기',
    exportHtml: 'HTML 보고서 내보내기',
    exportName: {
      csv: '비교 CSV',
      json: '비교 JSON',
      markdown: '비교 Markdown',
      html: '비교 HTML 보고서'
    }
  },
  repetitions: {
    formHint: '숫자 또는 auto: 워커 수마다 최소 5회, 합계 3초 이상 측정합니다(최대 100회).',
    planAuto: (min: number, seconds: number, max: number, expected: string, duration: string) =>
      `반복 횟수 자동: 워커 수마다 최소 ${n(min)}회, ${n(seconds)}초 이상, 최대 ${n(max)}회(여기서는 약 ${expected}회). 실행에 약 ${duration}가 걸립니다(측정 전 추정).`,
    planFixed: (reps: number, duration: string) =>
      `워커 수마다 반복 ${n(reps)}회, 약 ${duration}(측정 전 추정).`,
    planAutoCommand: (min: number, seconds: number, max: number) =>
      `반복 횟수 자동: 워커 수마다 최소 ${n(min)}회, ${n(seconds)}초 이상, 최대 ${n(max)}회. 실행 시간은 명령의 첫 반복으로 추정합니다.`,
    planFixedCommand: (reps: number) =>
      `워커 수마다 반복 ${n(reps)}회. 실행 시간은 명령의 첫 반복으로 추정합니다.`
  },
  /** Issue 13: the verdict block that leads the Results tab (components/Results/VerdictBlock.svelte). */
  verdictBlock: {
    label: '판정',
    faster: (workers: number, speedup: string, ci: string) =>
      `워커 ${n(workers)}개: ${speedup} 더 빠름(${ci})`,
    fasterScaled: (workers: number, speedup: string, ci: string) =>
      `워커 ${n(workers)}개: 확장 속도 향상 ${speedup}(${ci})`,
    ci: (low: string, high: string) => `95% 구간 ${low}–${high}`,
    efficiency: (efficiency: string, workers: number) =>
      `이상적인 ${n(workers)}×의 ${efficiency}(효율: 속도 향상 ÷ 워커 수).`,
    ofIdealWait: (share: string, ideal: number, requests: number, workers: number) =>
      `이상적인 ${formatTick(ideal, 'ko-KR')}×의 ${share}(요청 ${n(requests)}개를 워커 ${n(workers)}개로: R ÷ ceil(R/N)).`,
    noSpeedup: '유의한 속도 향상 없음',
    wrongTotal: '합계가 틀림: 어떤 시간도 의미가 없습니다',
    why: '이유',
    tooSmall: (workers: number, compute: string, overhead: string) =>
      `작업이 너무 작습니다. 워커 ${n(workers)}개일 때 워커마다 계산이 ${compute}인데 반복마다 오버헤드가 ${overhead}입니다. 범위를 키우거나 웜 풀을 쓰세요.`,
    includesOne: (workers: number, speedup: string, ci: string) =>
      `구간이 1을 포함합니다. 가장 나은 워커 ${n(workers)}개가 ${speedup}(${ci})로, 워커 1개와 잡음 범위 안에서 같습니다.`,
    slower: (workers: number, speedup: string, ci: string) =>
      `워커를 늘리면 느려집니다. 가장 나은 워커 ${n(workers)}개도 ${speedup}(${ci})에 그칩니다. 이 작업은 오버헤드가 지배하니 범위를 키우세요.`,
    fewReps: (reps: number, workers: number, speedup: string) =>
      `반복이 ${n(reps)}회뿐입니다. 워커 ${n(workers)}개가 ${speedup}이지만 95% 구간이 없어 주장할 수 없습니다. 반복을 5회 이상으로 하세요.`,
    oversubscribed: (workers: string, cores: number) =>
      `코어 초과: 워커 ${workers}개가 사용 가능한 코어 ${n(cores)}개를 번갈아 쓰므로 ${n(cores)}×를 넘는 속도 향상은 불가능합니다.`,
    baselineOnly: '워커 1개만 측정해서 비교할 대상이 없습니다. 워커 수를 추가하세요(예: 1, 2).',
    warnings: '이 실행에서 확인할 점'
  }
}
