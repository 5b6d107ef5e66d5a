import type { Language } from './languages'

/**
 * The shared schema (src/shared/config.ts) words its validation messages in
 * English, once for the form, IPC and the CLI. The form shows them in the
 * user's language: each known message shape maps to a Korean sentence; an
 * unknown one is shown as it is rather than lost.
 */
const FIELDS_KO: Record<string, string> = {
  start: '범위 시작',
  end: '범위 끝',
  range: '범위',
  warmup: '워밍업 횟수',
  reps: '반복 횟수',
  workload: '작업 방식',
  backend: '백엔드',
  pool: '풀',
  workers: '워커 수',
  'a worker count': '워커 수',
  'a size': '크기',
  sizes: '크기',
  backends: '백엔드',
  'a backend': '백엔드'
}

const field = (name: string): string => FIELDS_KO[name.toLowerCase()] ?? name

const KOREAN: [RegExp, (...groups: string[]) => string][] = [
  [/^(.+) is required$/i, (f) => `${field(f)}: 값을 입력해 주세요`],
  [/^(.+) must be a number$/i, (f) => `${field(f)}: 숫자여야 합니다`],
  [/^(.+) must be an integer$/i, (f) => `${field(f)}: 정수여야 합니다`],
  [/^(.+) must be a whole number$/i, (f) => `${field(f)}: 정수여야 합니다`],
  [
    /^(.+) must be a safe integer \(\|x\| ≤ 2\^53 − 1\)$/i,
    (f) => `${field(f)}: 안전한 정수(|x| ≤ 2^53 − 1)여야 합니다`
  ],
  [
    /^(.+) must be a safe integer \(≤ 2\^53 − 1\)$/i,
    (f) => `${field(f)}: 안전한 정수(≤ 2^53 − 1)여야 합니다`
  ],
  [/^(.+) must be one of (.+)$/i, (f, values) => `${field(f)}: ${values} 중 하나여야 합니다`],
  [/^range must be \{ start, end \}$/i, () => '범위: { start, end } 형식이어야 합니다'],
  [/^end must be greater than start$/i, () => '범위 끝은 범위 시작보다 커야 합니다'],
  [/^(.+) must be at least (\d+)$/i, (f, min) => `${field(f)}: ${min} 이상이어야 합니다`],
  [/^(.+) must be at most (\d+)$/i, (f, max) => `${field(f)}: ${max} 이하여야 합니다`],
  [/^workers must be a list of worker counts$/i, () => '워커 수: 워커 수의 목록이어야 합니다'],
  [/^give at least one worker count$/i, () => '워커 수를 하나 이상 입력해 주세요'],
  [/^at most (\d+) worker counts$/i, (max) => `워커 수는 최대 ${max}개까지 입력할 수 있습니다`],
  [
    /^weak scaling extends the range N times: it must stay within the safe integers$/i,
    () => '약한 스케일링은 범위를 N배로 늘립니다: 늘린 범위도 안전한 정수 안에 있어야 합니다'
  ],
  [/^unknown fields?: (.+)$/i, (names) => `알 수 없는 항목: ${names}`],
  // The study form (src/shared/study.ts).
  [/^sizes must be a list of range lengths$/i, () => '크기: 범위 길이의 목록이어야 합니다'],
  [/^backends must be a list$/i, () => '백엔드: 목록이어야 합니다'],
  [/^give at least one size$/i, () => '크기를 하나 이상 입력해 주세요'],
  [/^give at least one backend$/i, () => '백엔드를 하나 이상 골라 주세요'],
  [/^at most (\d+) sizes$/i, (max) => `크기는 최대 ${max}개까지 입력할 수 있습니다`],
  [/^at most (\d+) backends$/i, (max) => `백엔드는 최대 ${max}개까지 고를 수 있습니다`],
  [/^(sizes|backends) must be distinct$/i, (f) => `${field(f)}: 서로 달라야 합니다`],
  [
    /^a study needs sizes to sweep, backends to compare, or both$/i,
    () => '스터디에는 스윕할 크기나 비교할 백엔드, 또는 둘 다가 필요합니다'
  ],
  [
    /^a size sweep compares 1 worker with N: give a worker count of at least 2$/i,
    () => '크기 스윕은 워커 1개와 N개를 비교합니다: 2 이상인 워커 수를 넣어 주세요'
  ],
  [
    /^start \+ (.+) leaves the safe integers$/i,
    (what) => `범위 시작 + ${what}: 안전한 정수를 벗어납니다`
  ],
  [
    /^"(.*)" is not a size \(e\.g\. 100_000, 1e5 or 10\^5\)$/i,
    (text) => `"${text}": 크기가 아닙니다(예: 100_000, 1e5 또는 10^5)`
  ],
  [/^"(.*)" is not A\.\.B$/i, (text) => `"${text}": A..B 형식이 아닙니다`],
  [
    /^"(.*)": a span must go upwards from at least 1$/i,
    (text) => `"${text}": 구간은 1 이상에서 시작해 커져야 합니다`
  ],
  [
    /^"(.*)": (\S+) is not a safe integer$/i,
    (text, to) => `"${text}": ${to} — 안전한 정수가 아닙니다`
  ]
]

/** A validation message from the shared schema, in `language`. */
export function localizeIssue(message: string, language: Language): string {
  if (language === 'en') return message
  for (const [pattern, say] of KOREAN) {
    const match = pattern.exec(message)
    if (match) return say(...match.slice(1))
  }
  return message
}
