import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * `npm run bench` and `npm run worker` on every OS with the same words. POSIX sh must
 * `exec` Node (dash otherwise stays in between and holds npm's SIGINT); Windows' cmd.exe
 * has no `exec`, and finds the repository's exec.cmd in the folder npm runs scripts in.
 * (Exercised on Linux by tests/integration/npmBench.test.ts; no Windows machine here.)
 */
const ROOT = join(__dirname, '..', '..')
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>

describe('the npm scripts that start the CLI', () => {
  for (const name of ['bench', 'worker'])
    it(`${name}: exec node scripts/bench.mjs, one command (npm appends the user's words)`, () => {
      expect(scripts[name]).toMatch(/^exec node scripts\/bench\.mjs( worker)?$/)
    })

  it('exec.cmd runs the rest of its line as it is, quietly, with CRLF line ends', () => {
    const text = readFileSync(join(ROOT, 'exec.cmd'), 'latin1')
    const lines = text.split('\r\n')
    expect(lines.at(-1)).toBe('')
    const commands = lines.filter((l) => l && !/^@rem( |$)/i.test(l))
    expect(commands).toEqual(['@%*'])
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })
})
