import { describe, expect, it } from 'vitest'
import {
  commandApprovalText,
  commandSettingsSchema,
  defaultCommandSettings
} from '../../src/shared/command/commandSettings'
import type { CommandSettings } from '../../src/shared/command/commandSettings'
import { parseDurationText } from '../../src/shared/command/duration'

const settings = (o: Partial<CommandSettings>): unknown => ({
  ...defaultCommandSettings(),
  line: 'xz -T{workers} -c data.bin',
  ...o
})
const issues = (input: unknown) => {
  const r = commandSettingsSchema.safeParse(input)
  return r.success
    ? []
    : r.error.issues.map((i) => ({
        path: i.path.join('.'),
        code: (i as { params?: { code?: string } }).params?.code
      }))
}

describe('commandSettingsSchema', () => {
  it('accepts both shapes with their placeholders', () => {
    expect(issues(settings({}))).toEqual([])
    expect(issues(settings({ shape: 'copies', line: 'gzip -c part{index}.bin' }))).toEqual([])
  })

  it('refuses an empty command, an unknown placeholder, {size} without a size, by field', () => {
    expect(issues(settings({ line: '  ' }))).toEqual([{ path: 'line', code: 'command-empty' }])
    expect(issues(settings({ line: 'job {index}' }))).toEqual([
      { path: 'line', code: 'placeholder-unknown' }
    ])
    expect(issues(settings({ line: 'job {size}' }))).toEqual([
      { path: 'line', code: 'placeholder-unknown' }
    ])
    expect(issues(settings({ line: 'job {size}', size: 1000 }))).toEqual([])
    expect(issues(settings({ prepare: 'rm out{index}' }))).toEqual([
      { path: 'prepare', code: 'placeholder-unknown' }
    ])
  })

  it('an empty lifecycle step is none; --no-shell refuses a pipe', () => {
    expect(issues(settings({ setup: '', cleanup: ' ' }))).toEqual([])
    expect(issues(settings({ shell: false, line: 'xz -c a | wc' }))).toEqual([
      { path: 'line', code: 'command-needs-shell' }
    ])
  })

  it('bounds the timeout, the environment and unknown fields', () => {
    expect(issues(settings({ timeoutMs: 0 }))[0].path).toBe('timeoutMs')
    expect(issues(settings({ env: [{ name: '1BAD', value: 'x' }] }))[0].path).toBe('env.0.name')
    expect(issues({ ...(settings({}) as object), extra: 1 })[0].path).toBe('')
  })

  it('the approval text holds everything that decides what runs, one line each', () => {
    const s = commandSettingsSchema.parse(
      settings({
        shape: 'copies',
        shell: false,
        line: 'gzip -c part{index}',
        prepare: 'split data',
        cwd: '/data',
        env: [{ name: 'LC_ALL', value: 'C' }]
      })
    )
    expect(commandApprovalText(s)).toBe(
      '--copies --no-shell gzip -c part{index}\n--prepare split data\n--cwd /data\n--env LC_ALL=C'
    )
    // A different folder is a different command to confirm.
    expect(commandApprovalText({ ...s, cwd: '/other' })).not.toBe(commandApprovalText(s))
  })
})

describe('parseDurationText', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['90', 90_000],
    ['1.5s', 1500],
    ['2 min', 120_000]
  ])('%s → %d ms', (text, ms) => {
    expect(parseDurationText(text)).toEqual({ ok: true, value: ms })
  })
  it.each(['', 'soon', '10x', '-5s', '0', 's30'])('refuses %j', (text) => {
    expect(parseDurationText(text).ok).toBe(false)
  })
})
