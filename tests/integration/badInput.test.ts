/**
 * Bad input through the built CLI (out/main/cli.js): fuzzed command lines
 * that the parser rejects end with exit code 2 and the reasons on stderr, and
 * start no worker (with SPEEDUP_LAB_DEBUG every worker event would be logged).
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'

const CLI = resolve(__dirname, '../../out/main/cli.js')

const garbage = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('-1', '0', '1.5', '1e3', 'NaN', '9007199254740993', '5:1', '1-0', ',,', 'x:y')
)
const option = fc.constantFrom(
  '--range',
  '--workers',
  '--workload',
  '--backend',
  '--pool',
  '--warmup',
  '--reps',
  '--sweep-sizes',
  '--compare-backends'
)
/** Command lines of options with bad values, kept only when the parser rejects them. */
const badArgv = fc
  .array(fc.tuple(option, garbage), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.flatMap(([o, v]) => [`${o}=${v}`]))
  .filter((argv) => parseCli(argv, 2).kind === 'invalid')

describe('the CLI on fuzzed bad input', () => {
  it('exits 2 with every reason on stderr, prints no table, starts no worker', () => {
    const samples = fc.sample(badArgv, { numRuns: 8, seed: 505 })
    expect(samples).toHaveLength(8)
    for (const argv of samples) {
      const parsed = parseCli(argv, 2)
      const run = spawnSync(process.execPath, [CLI, ...argv, '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, SPEEDUP_LAB_DEBUG: '1' },
        timeout: 30_000
      })
      expect(run.status, JSON.stringify(argv)).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/^speedup-lab: invalid input\n/)
      if (parsed.kind === 'invalid')
        for (const issue of parsed.issues) expect(run.stderr).toContain(issue.message)
      expect(run.stderr).not.toMatch(/\bworker \d|\bpid \d|ready/)
    }
  })
})
