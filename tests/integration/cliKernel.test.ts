import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { schemaErrors } from '../helpers/runExportSchema'
import { runCli } from '../helpers/cli'

const tmp = mkdtempSync(join(tmpdir(), 'speedup-cli-kernel-'))

describe('speedup-lab --kernel', () => {
  it('runs the wasm kernel and says so in the header, the table, JSON, CSV and Markdown', async () => {
    const json = join(tmp, 'run.json')
    const csv = join(tmp, 'run.csv')
    const md = join(tmp, 'run.md')
    const r = await runCli([
      '--kernel',
      'wasm',
      '--range',
      '9_007_199_250_000_000:9_007_199_254_000_000',
      '--workers',
      '1,2',
      '--warmup',
      '0',
      '--reps',
      '1',
      '--quiet',
      '--json',
      json,
      '--csv',
      csv,
      '--markdown',
      md
    ])
    expect(r.stderr).not.toMatch(/failed/)
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toContain('· wasm kernel ·')
    expect(r.stdout).toContain('Per worker')
    expect(r.stdout).toMatch(/\d(\.\d+)? [GMk]\/s/)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.correct).toBe(true)
    expect(report.config.kernel).toBe('wasm')
    // The run export: the measured record under `run`, the kernel's speed in every result row.
    expect(schemaErrors(report)).toEqual([])
    expect(report.run.results[0].samples[0].workers[0]).toMatchObject({
      kernel: 'wasm',
      nsPerElement: expect.any(Number)
    })
    expect(report.results[0].nsPerElement).toBeGreaterThan(0)
    expect(report.results[0].workerElementsPerSecond).toBeGreaterThan(0)
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows.map((row) => row.kernel)).toEqual(['wasm', 'wasm'])
    expect(Number(rows[0].workerElementsPerSecond)).toBeGreaterThan(0)
    expect(readFileSync(md, 'utf8')).toContain('· wasm kernel ·')
  })

  it('refuses an unknown kernel with exit code 2', async () => {
    const r = await runCli(['--kernel', 'gpu'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('kernel: kernel must be one of js, wasm')
  })
})
