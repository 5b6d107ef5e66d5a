import type { ConnectionOptions } from 'nats'
import type { ServerAddress } from '../../../shared/cluster'

/** Client options for a parsed server address: credentials as options, never in the URL. */
export function natsOptions(address: ServerAddress, name: string): ConnectionOptions {
  const auth = address.auth
  return {
    servers: address.servers.map((s) => s.replace(/^tls:/, 'nats:')),
    // The order given is a preference (an agent and its nearest server), not a list to shuffle.
    noRandomize: true,
    name,
    ...(address.tls ? { tls: {} } : {}),
    ...(auth && 'token' in auth ? { token: auth.token } : {}),
    ...(auth && 'user' in auth ? { user: auth.user, pass: auth.pass } : {})
  }
}

/** The client's words for a failed connect, made plain (credentials never appear in them). */
export function describeConnectError(error: unknown, server: string): string {
  const text = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string } | null)?.code ?? ''
  if (/authoriz|authenticat/i.test(text) || code === 'AUTHORIZATION_VIOLATION')
    return `the NATS server at ${server} refused the credentials (authorization violation)`
  if (/ECONNREFUSED|CONNECTION_REFUSED|TIMEOUT|ENOTFOUND|EHOSTUNREACH/i.test(`${code} ${text}`))
    return `cannot reach a NATS server at ${server} (${code || text})`
  return `cannot connect to the NATS server at ${server}: ${text}`
}
