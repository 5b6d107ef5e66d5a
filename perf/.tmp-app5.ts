import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHistoryStore } from '/work/main/src/main/history/historyStore'
import { sampleRun } from '/work/main/tests/helpers/runRecord'
async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'h5-'))
  const N = 100000
  await writeFile(join(dir, 'history.jsonl'), '')
  for (let from = 0; from < N; from += 5000) {
    const chunk = Array.from({ length: 5000 }, (_, i) => JSON.stringify(sampleRun({}, from + i)))
    await appendFile(join(dir, 'history.jsonl'), chunk.join('\n') + '\n')
  }
  const store = createHistoryStore(dir)
  let t = performance.now()
  await store.list()
  console.log('first list', performance.now() - t)
  t = performance.now()
  await createHistoryStore(dir).list()
  console.log('cold list', performance.now() - t)
  for (let i = 0; i < 6; i++) {
    t = performance.now()
    await store.append(sampleRun({}, N + i))
    console.log('append', (performance.now() - t).toFixed(1))
  }
  await rm(dir, { recursive: true, force: true })
}
void main()
