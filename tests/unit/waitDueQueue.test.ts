/**
 * The latency server's answers fall due `delay` after each request: never
 * sooner (the wait's ideal time is a bound only if the server keeps it), each
 * exactly once, in the order the requests came, and at once for a delay of 0.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { dueQueue } from '../../src/engine/workloads/wait/dueQueue'
import type { DueQueue } from '../../src/engine/workloads/wait/dueQueue'

const queues: DueQueue[] = []
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()))
})

const open = (delayMs: number): DueQueue => {
  const q = dueQueue(delayMs)
  queues.push(q)
  return q
}

describe('dueQueue: when the latency server answers', () => {
  it('answers each request no sooner than the delay, once, in order', async () => {
    const q = open(3)
    const answers: { id: number; early: bigint }[] = []
    await new Promise<void>((done) => {
      let left = 40
      // Requests in bursts and alone, as many workers send them.
      const send = (id: number): void => {
        const due = process.hrtime.bigint() + 3_000_000n
        q.add(() => {
          answers.push({ id, early: due - process.hrtime.bigint() })
          if (--left === 0) done()
        })
      }
      for (let id = 0; id < 20; id++) send(id)
      setTimeout(() => {
        for (let id = 20; id < 40; id++) setImmediate(() => send(id))
      }, 1)
    })
    expect(answers.map((a) => a.id)).toEqual([...Array(40).keys()])
    // Never before its time: what it was still early by is never positive.
    expect(answers.filter((a) => a.early > 0n)).toEqual([])
  })

  it('answers again after it has been idle, and with the delay of a fraction of a ms', async () => {
    const q = open(0.5)
    for (let round = 0; round < 3; round++) {
      const sent = process.hrtime.bigint()
      const took = await new Promise<bigint>((done) =>
        q.add(() => done(process.hrtime.bigint() - sent))
      )
      expect(took).toBeGreaterThanOrEqual(500_000n)
      await new Promise((r) => setTimeout(r, 5))
    }
  })

  it('counts the CPU it spends turning until answers fall due, apart', async () => {
    const q = open(3)
    expect(q.turningCpuMs()).toBe(0)
    for (let i = 0; i < 5; i++) await new Promise<void>((done) => q.add(done))
    const turning = q.turningCpuMs()
    const cpu = process.cpuUsage()
    expect(turning).toBeGreaterThan(0)
    expect(turning).toBeLessThanOrEqual((cpu.user + cpu.system) / 1000)
    // Idle, it does not grow.
    await new Promise((r) => setTimeout(r, 20))
    expect(q.turningCpuMs()).toBe(turning)
  })

  it('answers at once, in the same turn, for a delay of 0', () => {
    const q = open(0)
    const answered: number[] = []
    q.add(() => answered.push(1))
    q.add(() => answered.push(2))
    expect(answered).toEqual([1, 2])
  })
})
