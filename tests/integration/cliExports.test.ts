import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { runCli } from '../helpers/cli'
import { schemaErrors } from '../helpers/runExportSchema'

/** Files you can rely on: what the CLI writes validates, and a bad path costs no run. */
const tmp = mkdtempSync(join(tmpdir(), 'speedup-exports-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const SHORT = ['--range', '0:100_000', '--workers', '1,2', '--warmup', '0']

describe('the CLI’s files', () => {
  // The default is --reps auto; its JSON said "reps": "auto", which the published schema
  // refused (so did the README's own baseline examples, which use the default).
  it('the default --reps auto JSON validates, with the planned and the done repetitions', async () => {
    const json = join(tmp, 'auto.json')
    const r = await runCli([...SHORT, '--quiet', '--json', json])
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.config.reps).toBe('auto')
    expect(schemaErrors(report)).toEqual([])
    for (const row of report.results) expect(row.n).toBeGreaterThanOrEqual(5)
    expect(parseRunEnvelope(report).ok).toBe(true)
    expect(r.stderr).toContain(`speedup-lab: wrote ${json}`)
  }, 120_000)

  it('--help names only keys the run JSON has', async () => {
    const help = (await runCli(['--help'])).stdout
    const described = /--json FILE[\s\S]*?\{([^}]*)\}/.exec(help)?.[1]
    expect(described).toBeDefined()
    const keys = described!.split(',').map((k) => k.trim())
    expect(keys.length).toBeGreaterThan(3)
    const json = join(tmp, 'keys.json')
    const r = await runCli([...SHORT, '--reps', '1', '--quiet', '--json', json])
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    for (const key of keys) expect(Object.keys(report)).toContain(key)
  }, 60_000)

  // `--csv /no/such/dir/x.csv` used to run the whole benchmark, then fail the export and exit 0.
  for (const [option, path, reason] of [
    ['--csv', '/no/such/dir/x.csv', /the folder \/no\/such\/dir does not exist/],
    ['--json', tmpdir(), /is a folder/],
    ['--markdown', '/no/such/dir/c.md', /does not exist/]
  ] as const) {
    it(`${option} ${path}: exit 2 before anything runs, naming the option and the reason`, async () => {
      const r = await runCli([...SHORT, '--reps', '1', option, path])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`${option}: cannot write ${path}`)
      expect(r.stderr).toMatch(reason)
      // Nothing ran: no plan line, no table.
      expect(r.stderr).not.toMatch(/plan:/)
      expect(r.stdout).toBe('')
    }, 60_000)
  }

  // A file that passes the check and still fails to write (a full disk): said, and exit 1.
  it.runIf(existsSync('/dev/full'))(
    'a failed export exits 1 and says so',
    async () => {
      const json = join(tmp, 'ok.json')
      const r = await runCli([
        ...SHORT,
        '--reps',
        '1',
        '--quiet',
        '--csv',
        '/dev/full',
        '--json',
        json
      ])
      expect(r.code).toBe(1)
      expect(r.stdout.trim()).not.toBe('')
      expect(r.stderr).toMatch(/export failed: could not write the CSV file \/dev\/full \(ENOSPC/)
      expect(r.stderr).not.toMatch(/the run failed/)
      // The other file was still written, and said so.
      expect(r.stderr).toContain(`speedup-lab: wrote ${json}`)
      expect(schemaErrors(JSON.parse(readFileSync(json, 'utf8')))).toEqual([])
    },
    60_000
  )
})
