/**
 * The files the CLI writes (--json, --csv, --markdown, --html, --comparison-*): checked
 * before anything runs, so a typo in a folder costs no run, then written, each
 * named on stderr as it lands.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CliOptions } from './options'
import { EXPORT_FORMATS } from '../shared/report/exporters/registry'
import type { ExportFormat, ExportFormatId } from '../shared/report/exporters/registry'

export interface ExportTarget {
  /** The option, as typed: `--csv`. */
  option: string
  path: string | null
}

export interface ExportFile extends ExportTarget {
  /** What the file holds, for the messages: "CSV", "comparison JSON". */
  kind: string
  data: () => string
}

/** Every file asked for, by the option that asked (the formats come from the export registry). */
export function exportTargets(options: CliOptions): ExportTarget[] {
  return EXPORT_FORMATS.flatMap((f) => [
    { option: `--${f.flag}`, path: options.files[f.id] },
    { option: `--${f.comparisonFlag}`, path: options.comparisonFiles[f.id] }
  ])
}

/** The files of one kind of output (a run's or a study's, or the comparison's) in every format asked for. */
export function exportFiles(
  files: Record<ExportFormatId, string | null>,
  comparison: boolean,
  data: (format: ExportFormat) => string
): ExportFile[] {
  return EXPORT_FORMATS.map((f) => ({
    option: `--${comparison ? f.comparisonFlag : f.flag}`,
    kind: `${comparison ? 'comparison ' : ''}${f.name}`,
    path: files[f.id],
    data: () => data(f)
  }))
}

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''

/** Why `path` cannot be written (relative to the current folder), or null when it can. */
export function unwritableReason(path: string): string | null {
  const full = resolve(path)
  let isDirectory: boolean | null = null
  try {
    isDirectory = statSync(full).isDirectory()
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') return `cannot use ${path} (${errorCode(e) || String(e)})`
  }
  if (isDirectory) return `${path} is a folder; give a file name`
  if (isDirectory === false) {
    try {
      accessSync(full, constants.W_OK)
      return null
    } catch {
      return `${path} exists and cannot be written`
    }
  }
  const folder = dirname(full)
  try {
    if (!statSync(folder).isDirectory()) return `${dirname(path)} is not a folder`
  } catch {
    return `the folder ${dirname(path)} does not exist`
  }
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    return `the folder ${dirname(path)} cannot be written`
  }
  return null
}

/** One issue per export that cannot be written (the parser refuses two exports to one file). */
export function checkExportTargets(
  targets: readonly ExportTarget[]
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = []
  for (const { option, path } of targets) {
    const reason = path === null ? null : unwritableReason(path)
    if (reason) issues.push({ field: option, message: `cannot write ${path}: ${reason}` })
  }
  return issues
}

/**
 * Writes the files asked for; each one written is named on stderr. Returns false
 * when any failed (said as an export failure: the run itself completed and its
 * results are on stdout already).
 */
export function writeExports(files: readonly ExportFile[]): boolean {
  let ok = true
  for (const file of files) {
    if (file.path === null) continue
    try {
      writeFileSync(file.path, file.data())
      process.stderr.write(`speedup-lab: wrote ${file.path}\n`)
    } catch (e) {
      ok = false
      const code = errorCode(e)
      const reason = e instanceof Error ? e.message : String(e)
      process.stderr.write(
        `speedup-lab: export failed: could not write the ${file.kind} file ${file.path} ` +
          `(${code ? `${code}: ` : ''}${reason}); the run itself completed and its results are above.\n`
      )
    }
  }
  return ok
}
