import { spawn } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join, resolve } from 'node:path'

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    if (process.platform !== 'win32') accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Where `name` would be run from, as execvp finds it: a name with a slash is
 * a path (relative to `cwd`); any other is looked up on the PATH of `env`.
 * Null when there is no such executable file.
 */
export function findOnPath(name: string, cwd: string, env: NodeJS.ProcessEnv): string | null {
  if (name.includes('/') || (process.platform === 'win32' && name.includes('\\'))) {
    const path = isAbsolute(name) ? name : resolve(cwd, name)
    return executable(path) ? path : null
  }
  const exts =
    process.platform === 'win32'
      ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
      : ['']
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue
    for (const ext of exts) {
      const path = join(isAbsolute(dir) ? dir : resolve(cwd, dir), name + ext)
      if (executable(path)) return path
    }
  }
  return null
}

/**
 * Whether the shell knows `name` (a program on its PATH, a builtin, a
 * keyword or a function): `command -v`, run in the run's folder and
 * environment. POSIX only; elsewhere the shell's own error is the answer.
 */
export function shellKnows(name: string, cwd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (process.platform === 'win32') return Promise.resolve(true)
  return new Promise((resolveKnown) => {
    const child = spawn('/bin/sh', ['-c', 'command -v -- "$1" >/dev/null 2>&1', 'sh', name], {
      cwd,
      env,
      stdio: 'ignore'
    })
    child.once('error', () => resolveKnown(false))
    child.once('exit', (code) => resolveKnown(code === 0))
  })
}
