/**
 * Agents are named by their users (`--name`), and two may share a name. Every
 * view shows agents by name, so a shared name gets the agent's short id
 * ("lab-pc #3fa2c1"); the duplicates are found again from those labels to warn.
 */

/** The id's first characters that tell two agents apart (the id is 16 hex digits). */
const SHORT_ID = 6

const SUFFIX = / #[0-9a-f]{6}$/

/** The agents, each with a name no other has: a shared name gains " #<short id>". */
export function distinctAgentNames<T extends { agentId: string; name: string }>(
  agents: readonly T[]
): T[] {
  const count = new Map<string, number>()
  for (const a of agents) count.set(a.name, (count.get(a.name) ?? 0) + 1)
  return agents.map((a) =>
    (count.get(a.name) ?? 0) > 1 ? { ...a, name: `${a.name} #${a.agentId.slice(0, SHORT_ID)}` } : a
  )
}

/** The names more than one agent was given, from the labels distinctAgentNames made. */
export function sharedAgentNames(agents: readonly { name: string }[]): string[] {
  const count = new Map<string, number>()
  for (const a of agents) {
    if (!SUFFIX.test(a.name)) continue
    const base = a.name.replace(SUFFIX, '')
    count.set(base, (count.get(base) ?? 0) + 1)
  }
  return [...count].filter(([, n]) => n > 1).map(([name]) => name)
}
