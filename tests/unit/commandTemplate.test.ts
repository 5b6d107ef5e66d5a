import { describe, expect, it } from 'vitest'
import {
  expandCommand,
  parseCommandTemplate,
  programOf
} from '../../src/shared/command/commandTemplate'
import type { CommandRole, CommandShape } from '../../src/shared/command/commandTemplate'
import { quoteShellWord, splitShellWords } from '../../src/shared/command/shellWords'

const parse = (
  line: string,
  o: Partial<{ role: CommandRole; shape: CommandShape; shell: boolean; sizes: boolean }> = {}
) =>
  parseCommandTemplate(line, { role: 'command', shape: 'workers', shell: true, sizes: false, ...o })

describe('splitShellWords: words as a POSIX shell splits one simple command', () => {
  it.each([
    ['xz -T2 -c data.bin', ['xz', '-T2', '-c', 'data.bin']],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    [`echo 'a b' "c d"`, ['echo', 'a b', 'c d']],
    [`echo a'b'"c"d`, ['echo', 'abcd']],
    [`echo ''`, ['echo', '']],
    [`echo "a\\"b" "\\x"`, ['echo', 'a"b', '\\x']],
    [`echo a\\ b`, ['echo', 'a b']],
    [`echo 'it'\\''s'`, ['echo', "it's"]],
    ['echo a # a comment', ['echo', 'a']],
    ['echo a#b', ['echo', 'a#b']],
    [`awk '{print $1}' f`, ['awk', '{print $1}', 'f']],
    ['', []]
  ])('%s', (line, words) => {
    expect(splitShellWords(line)).toEqual({ ok: true, words })
  })

  it.each([
    ['echo a | wc', 'needs-shell'],
    ['echo a > out', 'needs-shell'],
    ['a; b', 'needs-shell'],
    ['a && b', 'needs-shell'],
    ['echo $HOME', 'needs-shell'],
    ['echo "$HOME"', 'needs-shell'],
    ['echo `date`', 'needs-shell'],
    ['ls *.txt', 'needs-shell'],
    ['ls ~/x', 'needs-shell'],
    [`echo 'open`, 'unclosed-quote'],
    ['echo "open', 'unclosed-quote'],
    ['echo a\\', 'trailing-backslash']
  ])('refuses %s (%s)', (line, code) => {
    const r = splitShellWords(line)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.code).toBe(code)
  })

  it('quoteShellWord reads back as the same word', () => {
    for (const w of ['plain', 'a b', "it's", '', '$HOME', 'a"b'])
      expect(splitShellWords(`x ${quoteShellWord(w)}`)).toEqual(
        w.includes('$') ? expect.anything() : { ok: true, words: ['x', w] }
      )
    expect(quoteShellWord('a b')).toBe(`'a b'`)
  })
})

describe('parseCommandTemplate: placeholders by shape and role', () => {
  it('--command knows {workers} and {rep}, and fills them in', () => {
    const r = parse('xz -T{workers} -c data{rep}.bin > /dev/null')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.template.uses).toEqual(['workers', 'rep'])
    expect(expandCommand(r.template, { workers: 4, rep: 2 })).toEqual({
      line: 'xz -T4 -c data2.bin > /dev/null',
      argv: null
    })
  })

  it('--copies knows {index}, not {workers}', () => {
    const copies = parse('gzip -c part{index}.bin', { shape: 'copies' })
    expect(copies.ok && expandCommand(copies.template, { index: 0, rep: 1 }).line).toBe(
      'gzip -c part0.bin'
    )
    const bad = parse('gzip -p{workers}', { shape: 'copies' })
    expect(bad).toMatchObject({ ok: false, issue: { code: 'placeholder-unknown' } })
    if (!bad.ok) expect(bad.issue.message).toContain('--copies does not know {workers}')
  })

  it('--command refuses {index}, an unknown name, and {size} without --sizes', () => {
    expect(parse('job {index}')).toMatchObject({
      ok: false,
      issue: { code: 'placeholder-unknown', params: { placeholder: 'index' } }
    })
    expect(parse('job {threads}')).toMatchObject({
      ok: false,
      issue: { code: 'placeholder-unknown', params: { placeholder: 'threads' } }
    })
    const size = parse('job {size}')
    expect(size.ok).toBe(false)
    if (!size.ok) expect(size.issue.message).toContain('needs --sizes')
  })

  it('braces that are not a placeholder are left alone', () => {
    for (const line of [`awk '{print $1}' f`, 'find . -exec rm {} ;', 'echo {a,b}', "echo '{'x}"]) {
      const r = parse(line)
      expect(r.ok, line).toBe(true)
      if (r.ok) expect(expandCommand(r.template, { workers: 1, rep: 1 }).line).toBe(line)
    }
  })

  it('--sizes needs {size} in the command, and fills it in', () => {
    expect(parse('job -n 5', { sizes: true })).toMatchObject({
      ok: false,
      issue: { code: 'size-unused' }
    })
    const r = parse('head -c {size} /dev/zero | xz -T{workers}', { sizes: true })
    expect(r.ok && expandCommand(r.template, { workers: 2, rep: 1, size: 1000 }).line).toBe(
      'head -c 1000 /dev/zero | xz -T2'
    )
  })

  it('refuses an empty command, whatever its blanks', () => {
    for (const line of ['', '   ', '\t\n'])
      expect(parse(line)).toMatchObject({ ok: false, issue: { code: 'command-empty' } })
    expect(parse('# only a comment', { shell: false })).toMatchObject({
      ok: false,
      issue: { code: 'command-empty' }
    })
  })

  it('refuses a line too long or with a NUL', () => {
    expect(parse('x'.repeat(9000))).toMatchObject({
      ok: false,
      issue: { code: 'command-too-long' }
    })
    expect(parse('a\0b')).toMatchObject({ ok: false, issue: { code: 'command-nul' } })
  })

  it('--no-shell splits into words once, placeholders filled in each word', () => {
    const r = parse(`xz "-T{workers}" -c 'my file{rep}.bin'`, { shell: false })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(expandCommand(r.template, { workers: 3, rep: 7 }).argv).toEqual([
      'xz',
      '-T3',
      '-c',
      'my file7.bin'
    ])
  })

  it('--no-shell refuses what only a shell runs, naming the way out', () => {
    const r = parse('xz -c data > /dev/null', { shell: false })
    expect(r).toMatchObject({ ok: false, issue: { code: 'command-needs-shell' } })
    if (!r.ok) expect(r.issue.message).toContain('run without --no-shell')
  })

  it('lifecycle steps: prepare knows {workers} and {rep}; setup and cleanup only {size}', () => {
    expect(parse('split -n {workers} data part', { role: 'prepare', shape: 'copies' }).ok).toBe(
      true
    )
    expect(parse('rm -f out{rep}', { role: 'prepare' }).ok).toBe(true)
    expect(parse('make {workers}', { role: 'setup' })).toMatchObject({
      ok: false,
      issue: { message: expect.stringContaining('--setup does not know {workers}') }
    })
    expect(parse('gen {size}', { role: 'setup', sizes: true }).ok).toBe(true)
    expect(parse('rm {index}', { role: 'cleanup' }).ok).toBe(false)
  })
})

describe('programOf: the word a not-found check looks up', () => {
  it.each([
    ['xz -T2 -c data > /dev/null', 'xz'],
    ['LC_ALL=C sort big.txt', 'sort'],
    ['./build.sh 2', './build.sh'],
    ['for i in 1 2; do echo $i; done', 'for'],
    ['{workers}x', null],
    ['$CC -O2 a.c', null],
    ['', null]
  ])('%s → %s', (line, program) => {
    expect(programOf(line)).toBe(program)
  })
})
