import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { natsOptions, TLS_CA_ENV, tlsOptions } from '../../src/engine/backends/cluster/natsOptions'

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

describe('the CA file for a private-CA cluster (SPEEDUP_LAB_TLS_CA)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speedup-ca-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('adds the file’s CAs to the usual roots, for tls:// servers only', async () => {
    const file = join(dir, 'ca.pem')
    await writeFile(file, PEM)
    const env = { [TLS_CA_ENV]: file }
    const ca = tlsOptions(env).ca!
    expect(ca.endsWith(PEM)).toBe(true)
    expect(ca).toContain(rootCertificates[0])
    const address = { server: 'tls://h:4222', servers: ['tls://h:4222'], tls: true, auth: null }
    expect(natsOptions(address, 'x', env).tls).toEqual({ ca })
    expect(
      natsOptions(
        { ...address, server: 'nats://h:4222', servers: ['nats://h:4222'], tls: false },
        'x',
        env
      )
    ).not.toHaveProperty('tls')
  })

  it('leaves the usual roots alone without it', () => {
    expect(tlsOptions({})).toEqual({})
    expect(tlsOptions({ [TLS_CA_ENV]: '  ' })).toEqual({})
  })

  it('names a missing or empty file instead of failing later in the handshake', async () => {
    const missing = join(dir, 'nope.pem')
    expect(() => tlsOptions({ [TLS_CA_ENV]: missing })).toThrow(
      `cannot read the CA file ${missing} named by SPEEDUP_LAB_TLS_CA (ENOENT)`
    )
    const empty = join(dir, 'empty.pem')
    await writeFile(empty, 'not a certificate')
    expect(() => tlsOptions({ [TLS_CA_ENV]: empty })).toThrow(/holds no PEM certificate/)
  })
})
