/** The built CLI (`npx electron-vite build`), run as a child process the way a user runs it. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export const CLI = resolve(__dirname, '../../out/main/cli.js')

export interface CliOutcome {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `speedup-lab …args` to its end and gives its exit code and whole output;
 * `during` gets the child while it runs (to signal it or its workers).
 */
export function runCli(
  args: string[],
  during?: (child: ChildProcess) => void,
  env?: NodeJS.ProcessEnv
): Promise<CliOutcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(env ? { env: { ...process.env, ...env } } : {})
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
    during?.(child)
  })
}
