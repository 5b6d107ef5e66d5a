import { describe, expect, it } from 'vitest'
import { distinctAgentNames, sharedAgentNames } from '../../src/shared/agentNames'

// Two agents started with the same --name were shown, and used, as one name without a word.
describe('agents that share a name', () => {
  const agents = [
    { agentId: '3fa2c1d4e5f60718', name: 'lab-pc', host: 'a' },
    { agentId: '9b0c7e6d5a4b3c2d', name: 'lab-pc', host: 'b' },
    { agentId: '0123456789abcdef', name: 'other', host: 'a' }
  ]

  it('are told apart by a short id; a unique name stays as it is', () => {
    expect(distinctAgentNames(agents).map((a) => a.name)).toEqual([
      'lab-pc #3fa2c1',
      'lab-pc #9b0c7e',
      'other'
    ])
    // The rest of each agent is kept, and the input is not changed.
    expect(distinctAgentNames(agents)[1]).toMatchObject({ host: 'b', agentId: agents[1].agentId })
    expect(agents[0].name).toBe('lab-pc')
  })

  it('are found again from the labels, to warn; nothing to warn about otherwise', () => {
    expect(sharedAgentNames(distinctAgentNames(agents))).toEqual(['lab-pc'])
    expect(sharedAgentNames(agents)).toEqual([])
    expect(sharedAgentNames([{ name: 'x #abcdef' }])).toEqual([])
  })
})
