import type { Server } from 'node:http'
import { BlockList, isIPv4, type Socket } from 'node:net'
import type { Config } from '../config.js'
import { errors } from './errors.js'
import { refuseOnSocket } from './http-errors.js'

/**
 * How often Node looks for requests past HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS (its default is 30 s): a
 * stalled request is closed at most this long after its deadline.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1000

/**
 * Fastify's server options for slow and idle clients. Fastify turns the request and connection timeouts off by
 * default, so a request whose body never finishes would hold its connection forever.
 */
export function connectionOptions(config: Config) {
  return {
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    // No traffic either way for this long (a client that stops reading its answer, too): the socket is destroyed.
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
    http: { headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
  }
}

/** proxy-addr's range names, which TRUST_PROXY accepts. */
const NAMED_RANGES: Record<string, [network: string, prefix: number][]> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  linklocal: [
    ['169.254.0.0', 16],
    ['fe80::', 10],
  ],
  uniquelocal: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
}

const prefixOfNetmask = (mask: string) =>
  mask.split('.').reduce((bits, octet) => bits + Number(octet).toString(2).replace(/0/g, '').length, 0)

/** The addresses TRUST_PROXY names (config.ts has checked each entry's form). */
function proxyAddresses(trusted: Config['TRUST_PROXY']): BlockList {
  const list = new BlockList()
  const add = (network: string, prefix?: number) => {
    const type = isIPv4(network) ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(network, type)
    else list.addSubnet(network, prefix, type)
  }
  for (const entry of trusted || []) {
    const named = NAMED_RANGES[entry]
    if (named) named.forEach(([network, prefix]) => add(network, prefix))
    else {
      const [network = '', prefix] = entry.split('/')
      add(network, prefix === undefined ? undefined : isIPv4(prefix) ? prefixOfNetmask(prefix) : Number(prefix))
    }
  }
  return list
}

/** `::ffff:10.0.0.1`, as a dual-stack socket reports an IPv4 peer, is 10.0.0.1. */
const plainAddress = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address)

/**
 * At most `HTTP_CONNECTIONS_PER_ADDRESS` open connections per client address: one more is answered 429 and closed at
 * once, before it can hold anything. The proxy TRUST_PROXY names carries everyone's connections and is not counted
 * (its clients are rate-limited by their forwarded address).
 */
export function boundConnectionsPerAddress(server: Server, config: Config): void {
  const max = config.HTTP_CONNECTIONS_PER_ADDRESS
  if (max === 0) return
  const proxies = proxyAddresses(config.TRUST_PROXY)
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const address = plainAddress(socket.remoteAddress ?? '')
    if (!address || proxies.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) return
    const count = (open.get(address) ?? 0) + 1
    if (count > max) return refuseOnSocket(socket, errors.tooManyConnections())
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left > 0) open.set(address, left)
      else open.delete(address)
    })
  })
}
