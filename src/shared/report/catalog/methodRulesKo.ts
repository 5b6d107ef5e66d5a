/**
 * Korean: the Method section of a run (analysis/methodRules.ts), one line
 * per rule and how this run met it. Worded from the numbers alone.
 */
import { formatInteger, formatMs, formatSpeedup, formatValue } from '../../format'
import type { MethodRules } from '../../analysis/methodRules'
import type { CommandStartCost } from '../../result'
import { STEADY_TOLERANCE } from '../../stats/warmedUp'

const ms = (value: number): string => formatMs(value, 'ko')
const times = (value: number): string => formatSpeedup(value, 'ko')
const workersName = (n: number): string =>
  n === 0 ? '직렬' : `워커 ${formatInteger(n, 'ko-KR')}개`

function serialLine(r: MethodRules['serial']): string {
  const title = '직렬 기준(워커 없이 컨트롤러 자신의 스레드에서 실행한 작업)'
  if (r.status === 'not-applicable')
    return `${title}: 해당 없음: 명령의 복사본은 어차피 각자의 프로세스입니다.`
  if (r.status === 'skipped') return `${title}: 건너뜀(--no-serial).`
  if (r.status === 'unavailable')
    return `${title}: 측정하지 못함: 이 런타임은 컨트롤러 스레드에서 작업을 실행할 수 없었습니다.`
  if (r.status === 'not-recorded' || !r.timing)
    return `${title}: 기록 없음(이 측정이 생기기 전의 실행).`
  const t = r.timing
  const ci = t.medianInterval
    ? ` [95% 신뢰구간 ${ms(t.medianInterval.lower)}–${ms(t.medianInterval.upper)}]`
    : ''
  const head = `${title}: 중앙값 ${ms(t.medianMs)}${ci}, 반복 ${t.n}회`
  if (r.t1Ms === null || r.ratio === null || r.workerCostMs === null) return `${head}.`
  const interval =
    r.ratioLow !== null && r.ratioHigh !== null
      ? `, 95% 구간 ${times(r.ratioLow)}–${times(r.ratioHigh)}`
      : ''
  const beside = `; 워커 1개: ${ms(r.t1Ms)}(T1 ÷ 직렬 = ${times(r.ratio)}${interval})`
  if (r.verdict === 'slower')
    return `${head}${beside}: 워커를 두는 비용은 실행마다 ${ms(r.workerCostMs)}입니다.`
  if (r.verdict === 'faster')
    return `${head}${beside}: 워커 1개가 컨트롤러 스레드보다 ${ms(-r.workerCostMs)} 빨랐습니다(컨트롤러 스레드는 엔진도 실행합니다).`
  if (r.verdict === 'no-difference')
    return `${head}${beside}: 워커를 두는 비용은 유의하지 않습니다(구간이 1을 포함합니다).`
  return `${head}${beside}(구간을 내기에는 반복이 너무 적습니다).`
}

function warmupLine(w: MethodRules['warmup']): string {
  const taken = w.taken
    .map(
      (x) =>
        `${workersName(x.workers)} ${x.count}회${w.rule === 'steady' && !x.steady ? '(안정되지 않음: 상한에서 멈춤)' : ''}`
    )
    .join(', ')
  if (w.rule === 'steady')
    return (
      `안정될 때까지 워밍업(마지막 두 시간이 ${formatValue(STEADY_TOLERANCE * 100, 3, 'ko')}% 이내로 ` +
      `일치할 때까지 버림, 최대 ${w.limit}회): ${taken || '없음'}.`
    )
  if (w.rule === 'fixed')
    return `워밍업: 워커 수마다 고정 ${w.limit}회, 안정 여부는 검사하지 않음(--warmup auto가 검사합니다)${taken ? `: ${taken}` : ''}.`
  return `워밍업: 워커 수마다 ${w.limit}회(안정 여부를 검사하기 전에 기록된 실행).`
}

function orderLine(o: MethodRules['order']): string {
  if (o.seed === null)
    return '순서: 기록 없음(순서가 무작위가 되기 전의 실행: 고정된 교대 순서로 실행됨).'
  const first = o.firstOrder.length
    ? `(첫 라운드: ${o.firstOrder.map((n) => (n === 0 ? '직렬' : String(n))).join(', ')}; 라운드 ${o.rounds}회)`
    : ''
  return `순서: 라운드마다 워커 수를 무작위 순서로 실행, 시드 ${o.seed}${first}; --seed ${o.seed}로 같은 순서를 재현합니다.`
}

function coresLine(c: MethodRules['cores']): string {
  const head =
    c.physical === null
      ? `코어: 논리 ${c.logical}개(사용 가능 ${c.available}개); 이 시스템에서는 물리 코어 수를 알 수 없음`
      : `코어: 물리 ${c.physical}개, 논리 ${c.logical}개(사용 가능 ${c.available}개)`
  if (c.physical === null || c.abovePhysical.length === 0) return `${head}.`
  const counts = c.abovePhysical.map((n) => formatInteger(n, 'ko-KR')).join(', ')
  return (
    `${head}. 경고: 워커 ${counts}개는 물리 코어 ${c.physical}개보다 많습니다: ` +
    `워커들이 코어를 나눠 쓰므로 그 속도 향상은 작업이 아니라 나눠 쓰기를 잽니다.`
  )
}

function contentionLine(c: MethodRules['contention']): string {
  const other = c.load
    ? `다른 프로그램이 코어 ${c.cores}개 중 ${formatValue(c.load.otherCores, 2, 'ko')}개를 사용` +
      (c.load.stealCores !== null ? `, 스틸 ${formatValue(c.load.stealCores, 2, 'ko')}개` : '')
    : null
  if (c.code === 'contended')
    return `경합 측정: ${other ?? '워커들이 함께일 때 혼자일 때보다 느렸습니다'}: 코어를 공유했습니다(위의 발견 참고).`
  if (c.code === 'quiet')
    return `경합 측정: ${other ?? '워커들이 함께여도 혼자일 때만큼 빨랐습니다'}: 임계값 미만이라 코어가 비어 있었습니다.`
  return '경합: 측정하지 않음(클러스터 실행이거나 측정하기 전의 기록).'
}

function startCostLine(c: CommandStartCost): string {
  return (
    `빈 복사본의 시작 비용: 준비된 복사본이 시작 신호를 받은 때부터 끝날 때까지 ${ms(c.wallMs)}, ` +
    `셸 시작을 포함한 CPU ${ms(c.cpuMs)} (실행 전에 잰 ${formatInteger(c.samples, 'ko-KR')}회의 중앙값, ` +
    `hyperfine이 셸 시작 시간을 재는 방식); CPU는 모든 복사본의 CPU에서 뺐고, 벽시계 시간은 보여 주기만 합니다(시간 속 하네스의 몫).`
  )
}

export function methodRulesKo(r: MethodRules): string[] {
  return [
    serialLine(r.serial),
    warmupLine(r.warmup),
    orderLine(r.order),
    coresLine(r.cores),
    contentionLine(r.contention),
    ...(r.startCost ? [startCostLine(r.startCost)] : [])
  ]
}
