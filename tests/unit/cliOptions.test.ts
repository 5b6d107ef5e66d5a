import { describe, expect, it } from 'vitest'
import { parseCli, type CliOptions } from '../../src/cli/options'
import { DEFAULT_SWEEP_SIZES } from '../../src/shared/study'

const options = (argv: string[]): CliOptions => {
  const parsed = parseCli(argv, 2)
  if (parsed.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(parsed)}`)
  return parsed.options
}
const issues = (argv: string[]) => {
  const parsed = parseCli(argv, 2)
  if (parsed.kind !== 'invalid') throw new Error(`expected invalid, got ${parsed.kind}`)
  return parsed.issues
}

describe('parseCli: studies', () => {
  it('is a single run without the study flags', () => {
    expect(options(['--reps', '2'])).toMatchObject({ study: null, files: { markdown: null } })
  })

  it('--sweep-sizes alone takes the default log-spaced sizes, wherever it stands', () => {
    for (const argv of [
      ['--sweep-sizes'],
      ['--sweep-sizes', '--reps', '2'],
      ['--reps', '2', '--sweep-sizes']
    ]) {
      const o = options(argv)
      expect(o.study).toMatchObject({ sizes: [...DEFAULT_SWEEP_SIZES] })
      expect(o.study!.backends).toBeUndefined()
    }
    expect(options(['--sweep-sizes', '--reps', '2']).config.reps).toBe(2)
  })

  it('--sweep-sizes takes a list with = or a space', () => {
    expect(options(['--sweep-sizes=10_000,10^6']).study!.sizes).toEqual([10_000, 1_000_000])
    expect(options(['--sweep-sizes', '10^3..10^4']).study!.sizes).toEqual([1000, 3162, 10_000])
  })

  it('--compare-backends alone runs both; a list picks', () => {
    expect(options(['--compare-backends']).study).toMatchObject({ backends: ['process', 'thread'] })
    expect(options(['--compare-backends', '--workers', '1,2']).config.workers).toEqual([1, 2])
    expect(options(['--compare-backends=thread']).study!.backends).toEqual(['thread'])
    const both = options(['--sweep-sizes=1000', '--compare-backends', '--markdown', 'r.md'])
    expect(both.study).toMatchObject({ sizes: [1000], backends: ['process', 'thread'] })
    expect(both.files.markdown).toBe('r.md')
  })

  it('says what is wrong, in the CLI’s own words', () => {
    expect(issues(['--sweep-sizes=12k'])).toEqual([
      { field: 'sweep-sizes', message: '"12k" is not a size (e.g. 100_000, 1e5 or 10^5)' }
    ])
    expect(issues(['--compare-backends=gpu'])).toEqual([
      { field: 'compare-backends', message: '"gpu" is not a backend (process, thread, cluster)' }
    ])
    expect(issues(['--sweep-sizes=10', '--workers', '1'])).toEqual([
      {
        field: 'workers',
        message: 'a size sweep compares 1 worker with N: give a worker count of at least 2'
      }
    ])
    expect(issues(['--markdown'])).toEqual([
      { field: 'markdown', message: '--markdown needs a value (FILE) and is the last argument' }
    ])
    expect(issues(['--sweep-sizes=0'])).toEqual([
      { field: 'sweep-sizes', message: 'a size must be at least 1' }
    ])
  })
})
