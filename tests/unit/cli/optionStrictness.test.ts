import { describe, expect, it } from 'vitest'
import { HELP, parseCli, RUN_OPTIONS } from '../../../src/cli/options'
import {
  parseWorkerCommand,
  WORKER_HELP,
  WORKER_OPTIONS
} from '../../../src/cli/worker/workerCommand'

const issuesOf = (argv: string[]) => {
  const parsed = parseCli(argv, 2)
  return parsed.kind === 'invalid' ? parsed.issues : []
}

describe('the command line refuses what it cannot read (issue 22, items 3 and 5)', () => {
  it('a value-taking option followed by another option is an issue naming both', () => {
    const parsed = parseCli(['--markdown', '--workers', '1-3', '--range', '7:300007'], 2)
    expect(parsed.kind).toBe('invalid')
    expect(issuesOf(['--markdown', '--workers', '1-3'])).toEqual([
      {
        field: 'markdown',
        message: '--markdown needs a value (FILE) but is followed by the option --workers'
      }
    ])
    const server = issuesOf(['--server', '--fail-on-regression', '-Infinity'])
    expect(server[0]).toEqual({
      field: 'server',
      message: '--server needs a value (URL) but is followed by the option --fail-on-regression'
    })
    // The option that followed is still read as itself: -Infinity is not a percentage.
    expect(server.map((i) => i.field)).toContain('fail-on-regression')
  })

  it('a value-taking option at the end is an issue', () => {
    expect(issuesOf(['--workers', '1,2', '--html'])).toEqual([
      { field: 'html', message: '--html needs a value (FILE) and is the last argument' }
    ])
  })

  it('values that start with one dash are still values; optional values stay optional', () => {
    const parsed = parseCli(['--range', '-5:5', '--workers', '1,2'], 2)
    expect(parsed.kind === 'run' && parsed.options.config.range).toEqual({ start: -5, end: 5 })
    const sweep = parseCli(['--sweep-sizes', '--workers', '1,2'], 2)
    expect(sweep.kind === 'run' && sweep.options.study?.sizes?.length).toBeGreaterThan(1)
  })

  it('a malformed % escape in the server URL is an issue with the reason, not a crash', () => {
    expect(issuesOf(['--server', 'nats://%zz@127.0.0.1:1'])).toMatchObject([
      {
        field: 'server',
        message: expect.stringContaining('malformed % escape')
      }
    ])
    const agent = parseWorkerCommand(['--server', 'nats://%zz@127.0.0.1:1'], 2)
    expect(agent.kind).toBe('invalid')
    expect(agent.kind === 'invalid' && agent.issues[0].message).toMatch(/malformed % escape/)
  })

  it("the engine's limits are checked while parsing, before any plan line", () => {
    expect(issuesOf(['--workers', '256'])).toEqual([
      {
        field: 'workers',
        message: expect.stringContaining('256 workers is more than this machine allows')
      }
    ])
    expect(issuesOf(['--range', '0:1e15', '--workers', '1,2', '--reps', '100'])).toEqual([
      { field: 'yes', message: expect.stringContaining('add --yes to start it') }
    ])
  })

  it("the agent's options are as strict", () => {
    const parsed = parseWorkerCommand(['--server', '--threads', '2'], 2)
    expect(parsed.kind === 'invalid' && parsed.issues[0]).toEqual({
      field: 'server',
      message: '--server needs a value (URL) but is followed by the option --threads'
    })
    expect(parseWorkerCommand(['--server', 'nats://h:4222', '--bogus'], 2).kind).toBe('invalid')
  })

  it('--help is generated from the declarations: every option is in it', () => {
    for (const o of RUN_OPTIONS) expect(HELP).toContain(`--${o.name}`)
    for (const o of WORKER_OPTIONS) expect(WORKER_HELP).toContain(`--${o.name}`)
    expect(HELP).toMatch(/--html FILE\s+write an HTML report/)
    expect(HELP).toMatch(/--lang en\|ko/)
    for (const line of HELP.split('\n')) expect(line.length, line).toBeLessThanOrEqual(82)
  })

  it("--help's exit codes say what a command's copies do to them, not only a sum's", () => {
    const codes = HELP.slice(HELP.indexOf('Exit codes:')).replace(/\s+/g, ' ')
    expect(codes).toContain('0 done and every sum correct (your command: every copy exited 0,')
    expect(codes).toContain('a copy of your command exited non-zero or ran past --timeout')
  })
})
