import { describe, expect, it } from 'vitest'
import { COMMAND_OPTIONS, commandValues, readCommandOptions } from '../../src/cli/commandOptions'
import { parseOptions } from '../../src/cli/optionSpec'

function read(args: string[]) {
  const { values, repeated, issues } = parseOptions(args, COMMAND_OPTIONS)
  expect(issues).toEqual([])
  return readCommandOptions(commandValues(values, repeated), (name) => values.has(name))
}

describe('the CLI command options', () => {
  it('--command: one process told to use {workers}, through the shell by default', () => {
    const r = read(['--command', 'xz -T{workers} -c data.bin > /dev/null'])
    expect(r.issues).toEqual([])
    expect(r.settings).toEqual({
      shape: 'workers',
      line: 'xz -T{workers} -c data.bin > /dev/null',
      shell: true,
      timeoutMs: 600_000,
      ignoreFailure: false
    })
  })

  it('--copies with the lifecycle, folder, environment, timeout and --no-shell', () => {
    const r = read([
      '--copies',
      'gzip -c part{index}.bin',
      '--no-shell',
      '--setup',
      'make data',
      '--prepare',
      'rm -f out',
      '--cleanup',
      'rm -rf data',
      '--cwd',
      '/tmp',
      '--env',
      'LC_ALL=C',
      '--env',
      'X=a=b',
      '--timeout',
      '30s',
      '--ignore-failure'
    ])
    expect(r.issues).toEqual([])
    expect(r.settings).toMatchObject({
      shape: 'copies',
      shell: false,
      setup: 'make data',
      env: [
        { name: 'LC_ALL', value: 'C' },
        { name: 'X', value: 'a=b' }
      ],
      timeoutMs: 30_000,
      ignoreFailure: true
    })
  })

  it('--sizes sets {size}; several sizes are a sweep (the first checks the templates)', () => {
    const r = read(['--command', 'head -c {size} /dev/zero | xz -T{workers}', '--sizes', '1e6'])
    expect(r.issues).toEqual([])
    expect(r.settings?.size).toBe(1_000_000)
    expect(r.sizes).toEqual([1_000_000])
    const many = read(['--command', 'head -c {size} /dev/zero', '--sizes', '1000,1e6'])
    expect(many.issues).toEqual([])
    expect(many.sizes).toEqual([1000, 1_000_000])
    const bad = read(['--command', 'head -c {size} /dev/zero', '--sizes', '1000,abc'])
    expect(bad.issues[0]).toMatchObject({ field: 'sizes' })
  })

  it.each([
    [['--command', 'a', '--copies', 'b'], 'command', 'command-shape-conflict'],
    [['--command', ''], 'command', 'command-empty'],
    [['--command', '   '], 'command', 'command-empty'],
    [['--command', 'job {index}'], 'command', 'placeholder-unknown'],
    [['--copies', 'job {workers}'], 'copies', 'placeholder-unknown'],
    [['--command', 'job {bogus}'], 'command', 'placeholder-unknown'],
    [['--command', 'job {size}'], 'command', 'placeholder-unknown'],
    [['--command', 'job', '--sizes', '10'], 'command', 'size-unused'],
    [['--command', 'a | b', '--no-shell'], 'command', 'command-needs-shell'],
    [['--setup', 'make'], 'setup', 'command-required'],
    [['--command', 'a', '--timeout', 'soon'], 'timeout', undefined],
    [['--command', 'a', '--env', 'NOEQUALS'], 'env', undefined]
  ])('%j → refused at %s (%s)', (args, field, code) => {
    const r = read(args as string[])
    expect(r.settings).toBeNull()
    expect(r.issues[0]).toMatchObject({ field, ...(code ? { code } : {}) })
  })
})
