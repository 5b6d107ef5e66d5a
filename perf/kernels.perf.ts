/**
 * The kernels side by side (npm run perf -- kernels): ns per element for the
 * `js` loop, the `wasm` SIMD loop and a C reference compiled here with
 * gcc -O3 -march=native (when gcc is present; built in a temp dir, nothing of
 * it ships), on 0…10^9 and on 10^9 elements next to +2^53 and −2^53, with the
 * ratios. Every sum is checked against the closed form. Figures only: the
 * machine is shared, so nothing here is asserted.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { compileWatFile } from '../scripts/wat'
import { expectedSum } from '../src/shared/range'
import { sumSliceJs } from '../src/worker/kernels/jsKernel'
import { createWasmSliceSum } from '../src/worker/kernels/wasmKernel'

const quick = process.env.PERF_QUICK === '1'
const N = quick ? 2e8 : 1e9
const REPS = quick ? 2 : 5
const MAX = Number.MAX_SAFE_INTEGER

const RANGES = [
  { label: `0…${quick ? '2·10^8' : '10^9'}`, start: 0 },
  { label: 'next to +2^53', start: MAX - N },
  { label: 'next to −2^53', start: -MAX }
]

type Sum = (start: number, end: number) => bigint

/** The landed kernel before this change: chunks bounded by 2^53 / magnitude, one element near ±2^53. */
function previousJs(start: number, end: number): bigint {
  let total = 0n
  for (let from = start; from < end;) {
    const magnitude = Math.max(Math.abs(from), Math.abs(end), 1)
    const to = Math.min(end, from + Math.max(1, Math.floor(2 ** 53 / magnitude) - 1))
    let s = 0
    for (let i = from; i < to; i++) s += i
    total += BigInt(s)
    from = to
  }
  return total
}

/** Min and median ns/element over REPS timed calls, after one untimed call (tier-up). */
function measure(sum: Sum, start: number, n: number): { min: number; median: number } {
  const end = start + n
  const want = expectedSum({ start, end })
  sum(start, start + Math.min(n, 1e7))
  const ns: number[] = []
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint()
    const got = sum(start, end)
    const dt = Number(process.hrtime.bigint() - t0)
    if (got !== want) throw new Error(`wrong sum on [${start}, ${end}): ${got} ≠ ${want}`)
    ns.push(dt / n)
  }
  ns.sort((a, b) => a - b)
  return { min: ns[0], median: ns[ns.length >> 1] }
}

/** The C reference: the wasm kernel's algorithm (int64 lanes, 128-bit flush every 1024). */
const C_SOURCE = String.raw`
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
typedef __int128 i128;
__attribute__((noinline)) static i128 sum_range(int64_t a, int64_t b) {
  i128 total = 0;
  for (int64_t i = a; i < b;) {
    int64_t end = b - i > 1024 ? i + 1024 : b;
    int64_t s = 0;
    for (int64_t j = i; j < end; j++) s += j;
    total += s;
    i = end;
  }
  return total;
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static void print128(i128 x) {
  char buf[64]; int k = 63; buf[k] = 0; int neg = x < 0; unsigned __int128 u = neg ? -(unsigned __int128)x : (unsigned __int128)x;
  do { buf[--k] = '0' + (int)(u % 10); u /= 10; } while (u);
  if (neg) buf[--k] = '-';
  printf("%s", buf + k);
}
int main(int argc, char **argv) {
  int64_t a = strtoll(argv[1], 0, 10), n = strtoll(argv[2], 0, 10); int reps = atoi(argv[3]);
  sum_range(a, a + (n < 10000000 ? n : 10000000));
  for (int r = 0; r < reps; r++) {
    double t0 = now(); i128 s = sum_range(a, a + n); double dt = now() - t0;
    printf("%.6f ", dt / (double)n); print128(s); printf("\n");
  }
  return 0;
}
`

function buildC(): string | null {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' })
  } catch {
    return null
  }
  const dir = mkdtempSync(join(tmpdir(), 'speedup-kernels-c-'))
  writeFileSync(join(dir, 'sum.c'), C_SOURCE)
  const exe = join(dir, 'sum')
  execFileSync('gcc', ['-O3', '-march=native', '-o', exe, join(dir, 'sum.c')])
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  return exe
}

function measureC(exe: string, start: number, n: number): { min: number; median: number } {
  const out = execFileSync(exe, [String(start), String(n), String(REPS)], { encoding: 'utf8' })
  const want = expectedSum({ start, end: start + n }).toString()
  const ns = out
    .trim()
    .split('\n')
    .map((line) => {
      const [t, s] = line.split(' ')
      if (s !== want) throw new Error(`C reference: wrong sum ${s} ≠ ${want}`)
      return Number(t)
    })
    .sort((a, b) => a - b)
  return { min: ns[0], median: ns[ns.length >> 1] }
}

const f = (x: number): string => x.toFixed(3)

async function main(): Promise<void> {
  const wasm = createWasmSliceSum(
    await compileWatFile(resolve(__dirname, '../src/worker/kernels/sumRange.wat'))
  )
  const exe = buildC()
  console.log(
    `Kernels — ${cpus()[0]?.model.trim()}, Node ${process.versions.node}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} at the start`
  )
  console.log(
    `ns per element, min (median) of ${REPS} timed calls after one warm-up, ${N.toExponential(0)} elements per call, one core:\n`
  )
  const kernels: { name: string; run: (start: number) => { min: number; median: number } }[] = [
    { name: 'js', run: (start) => measure(sumSliceJs, start, N) },
    { name: 'wasm', run: (start) => measure(wasm, start, N) },
    ...(exe
      ? [{ name: 'C (gcc -O3 -march=native)', run: (start: number) => measureC(exe, start, N) }]
      : [])
  ]
  const table: Record<string, number[]> = {}
  const header = ['kernel'.padEnd(28), ...RANGES.map((r) => r.label.padStart(20))].join('')
  console.log(header)
  for (const k of kernels) {
    const cells = RANGES.map((r) => k.run(r.start))
    table[k.name] = cells.map((c) => c.min)
    console.log(
      [k.name.padEnd(28), ...cells.map((c) => `${f(c.min)} (${f(c.median)})`.padStart(20))].join('')
    )
  }
  if (!exe) console.log('(gcc not found: no C reference)')
  // The kernel this change replaced, on 2·10^6 elements (it is ~70× slower near ±2^53).
  const old = RANGES.map((r) => measure(previousJs, r.start, 2e6))
  console.log(
    [
      'js before (2·10^6 elements)'.padEnd(28),
      ...old.map((c) => `${f(c.min)} (${f(c.median)})`.padStart(20))
    ].join('')
  )

  const [js, w] = [table.js, table.wasm]
  const c = exe ? table['C (gcc -O3 -march=native)'] : null
  console.log('\nratios (of the minima):')
  RANGES.forEach((r, i) => {
    const parts = [`js ÷ wasm ${(js[i] / w[i]).toFixed(2)}×`]
    if (c)
      parts.push(`wasm ÷ C ${(w[i] / c[i]).toFixed(2)}×`, `js ÷ C ${(js[i] / c[i]).toFixed(2)}×`)
    console.log(`  ${r.label.padEnd(16)} ${parts.join(' · ')}`)
  })
  for (const [name, row] of Object.entries(table)) {
    console.log(
      `  ${name.padEnd(28)} near ±2^53 ÷ near 0: ${(row[1] / row[0]).toFixed(2)}× and ${(row[2] / row[0]).toFixed(2)}×`
    )
  }
  console.log(`  js before: near +2^53 ÷ near 0 ${(old[1].min / old[0].min).toFixed(1)}×`)
  console.log(
    `\nload average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  )
}

void main()
