import { connect, type Socket } from 'node:net'
import { startApiProcess, type RunningServer } from '../support/server-process'

/** What the server sent on a raw connection, and whether (and when) it closed the connection. */
interface Conversation {
  socket: Socket
  received(): string
  /** Resolves with the milliseconds from opening until the server closed the connection. */
  closed: Promise<number>
}

function open(base: string): Promise<Conversation> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const startedAt = Date.now()
    const socket = connect(Number(port), hostname)
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - startedAt)))
    socket.once('error', () => {}) // a reset after the server's answer is part of being closed
    socket.once('connect', () => resolve({ socket, received: () => text, closed }))
    socket.once('error', reject)
  })
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))

/**
 * Slow and idle clients on raw sockets, against the API with short timeouts (the defaults, 10 s for the headers and
 * 25 s for a whole request, are checked in server/src/config.test.ts): a stalled body or header is answered 408 and
 * closed, an idle keep-alive connection is closed, and one address cannot hold more than its share of connections.
 */
describe('slow and idle clients', () => {
  let api: RunningServer
  const limits = {
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '2000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
    HTTP_IDLE_TIMEOUT_MS: '6000',
  }

  beforeAll(async () => {
    api = await startApiProcess(limits)
  }, 60_000)

  afterAll(async () => {
    await api?.stop()
  })

  it('answers 408 and closes a request whose body stops arriving', async () => {
    const client = await open(api.base)
    client.socket.write(
      'POST /api/auth/dev HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"openid":',
    )
    const closedAfter = await client.closed
    expect(statusOf(client.received())).toBe(408)
    expect(bodyOf(client.received()).error).toMatchObject({ code: 'REQUEST_TIMEOUT', message: expect.any(String) })
    // The request timeout and one check of Node's, with room for a busy machine: well before the idle timeout.
    expect(closedAfter).toBeLessThan(Number(limits.HTTP_IDLE_TIMEOUT_MS))
  }, 20_000)

  it('answers 408 and closes a request whose headers trickle in', async () => {
    const client = await open(api.base)
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n')
    const trickle = setInterval(() => client.socket.writable && client.socket.write('X-Slow: 1\r\n'), 200)
    try {
      const closedAfter = await client.closed
      expect(statusOf(client.received())).toBe(408)
      expect(closedAfter).toBeLessThan(Number(limits.HTTP_IDLE_TIMEOUT_MS))
    } finally {
      clearInterval(trickle)
    }
  }, 20_000)

  it('closes an idle keep-alive connection after its answer', async () => {
    const client = await open(api.base)
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n')
    const closedAfter = await client.closed
    expect(statusOf(client.received())).toBe(200)
    expect(client.received()).toMatch(/keep-alive: timeout=1/i)
    expect(closedAfter).toBeLessThan(Number(limits.HTTP_IDLE_TIMEOUT_MS))
  }, 20_000)

  it('closes a connection that never sends a request', async () => {
    const client = await open(api.base)
    // The header timeout runs from the connection's start, so it closes one that stays silent too.
    expect(await client.closed).toBeLessThan(Number(limits.HTTP_IDLE_TIMEOUT_MS))
  }, 20_000)
})

describe('connections per address', () => {
  const max = 8
  let api: RunningServer

  beforeAll(async () => {
    api = await startApiProcess({ HTTP_CONNECTIONS_PER_ADDRESS: String(max) })
  }, 60_000)

  afterAll(async () => {
    await api?.stop()
  })

  it('lets one address hold only so many connections, and takes new ones as they close', async () => {
    const held = await Promise.all(Array.from({ length: max }, () => open(api.base)))
    const extra = await open(api.base)
    await extra.closed
    expect(statusOf(extra.received())).toBe(429)
    expect(extra.received()).toMatch(/retry-after: 5/i)
    expect(bodyOf(extra.received()).error).toMatchObject({ code: 'RATE_LIMITED', messageEn: expect.any(String) })

    held[0]!.socket.destroy()
    await held[0]!.closed
    // Held connections are answered as usual meanwhile.
    held[1]!.socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    await held[1]!.closed
    expect(statusOf(held[1]!.received())).toBe(200)
    const next = await open(api.base)
    next.socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    await next.closed
    expect(statusOf(next.received())).toBe(200)
    held.forEach((client) => client.socket.destroy())
    expect(api.exitCode()).toBeUndefined()
  }, 20_000)
})
