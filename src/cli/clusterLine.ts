import type { RunRecord } from '../shared/result'
import { formatFixed } from '../shared/format'

/** "Cluster nats://h:4222 · lab-pc-1 on host-a (2 cores, processes, RTT 0.41 ms, offset +0.02 ms) · …" */
export function formatClusterLine(run: RunRecord): string | null {
  const cluster = run.system.cluster
  if (!cluster) return null
  const agents = cluster.agents.map(
    (a) =>
      `${a.name} on ${a.host} (${a.cores} cores, ${a.workers} ${a.kind === 'thread' ? 'threads' : 'processes'}, ` +
      `RTT ${formatFixed(a.rttMs, 2)} ms, clock offset ${a.clockOffsetMs >= 0 ? '+' : ''}${formatFixed(a.clockOffsetMs, 2)} ms)`
  )
  return `Cluster ${cluster.server} · ${agents.join(' · ')}`
}
