import { readFileSync } from 'node:fs'
import { rootCertificates } from 'node:tls'
import type { ConnectionOptions, TlsOptions } from 'nats'
import type { ServerAddress } from '../../../shared/cluster'

/**
 * A PEM file of CA certificates to trust for tls:// servers, besides the usual
 * ones: how a cluster with a private CA is reached. Read by the app and the CLI
 * themselves — NODE_EXTRA_CA_CERTS cannot reach the installed app, whose
 * `nodeOptions` fuse is off (electron-builder.yml).
 */
export const TLS_CA_ENV = 'SPEEDUP_LAB_TLS_CA'

/** TLS options: the bundled root CAs plus the file named in SPEEDUP_LAB_TLS_CA, if any. */
export function tlsOptions(env: NodeJS.ProcessEnv = process.env): TlsOptions {
  const file = env[TLS_CA_ENV]?.trim()
  if (!file) return {}
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e)
    throw new Error(`cannot read the CA file ${file} named by ${TLS_CA_ENV} (${code})`)
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error(`the CA file ${file} named by ${TLS_CA_ENV} holds no PEM certificate`)
  // Node's `ca` replaces the default trust store: keep the usual roots beside it.
  return { ca: [...rootCertificates, pem].join('\n') }
}

/** Client options for a parsed server address: credentials as options, never in the URL. */
export function natsOptions(
  address: ServerAddress,
  name: string,
  env: NodeJS.ProcessEnv = process.env
): ConnectionOptions {
  const auth = address.auth
  return {
    servers: address.servers.map((s) => s.replace(/^tls:/, 'nats:')),
    // The order given is a preference (an agent and its nearest server), not a list to shuffle.
    noRandomize: true,
    name,
    ...(address.tls ? { tls: tlsOptions(env) } : {}),
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
  // The client asked for TLS (tls://) and the server's greeting offered none: nats.js says "tls".
  if (code === 'SERVER_OPT_NA' && text === 'tls')
    return (
      `the server at ${server} does not speak TLS: use nats:// for it, ` +
      'or turn TLS on in its configuration'
    )
  if (/ECONNREFUSED|CONNECTION_REFUSED|TIMEOUT|ENOTFOUND|EHOSTUNREACH/i.test(`${code} ${text}`))
    return `cannot reach a NATS server at ${server} (${code || text})`
  return `cannot connect to the NATS server at ${server}: ${text}`
}
