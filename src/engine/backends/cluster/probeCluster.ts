import { parseServerUrl } from '../../../shared/cluster'
import type { ClusterProbe } from '../../../shared/cluster'
import { BenchFailure } from '../../../shared/errors'
import { openCluster } from './clusterBackend'

/**
 * "Test connection": connects, lists the agents with their links, and
 * disconnects. The answer names the server without its credentials.
 */
export async function probeCluster(
  serverText: string,
  options: { discoverMs?: number } = {}
): Promise<ClusterProbe> {
  const parsed = parseServerUrl(serverText)
  if (!parsed.ok)
    throw new BenchFailure({
      code: 'invalid-input',
      message: parsed.message,
      issues: [{ field: 'cluster.server', message: parsed.message }]
    })
  const session = await openCluster({ address: parsed.value, pool: 'warm', ...options })
  try {
    return {
      server: session.server,
      agents: session.agents.map((a) => ({
        host: a.host,
        name: a.name,
        cores: a.cores,
        node: a.node,
        kernels: a.kernels,
        kind: a.kind,
        workers: a.workers,
        free: a.free,
        rttMs: session.links.get(a.agentId)?.rttMs ?? 0
      }))
    }
  } finally {
    await session.close()
  }
}
