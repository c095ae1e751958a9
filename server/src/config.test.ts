import { loadConfig } from './config'
import { connectionOptions, TIMEOUT_CHECK_INTERVAL_MS } from './shared/connections'

describe('configuration for slow and idle clients', () => {
  it('closes a stalled request within 30 s, idle keep-alive after 65 s, and bounds connections per address', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 25_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
      HTTP_IDLE_TIMEOUT_MS: 120_000,
      HTTP_CONNECTIONS_PER_ADDRESS: 128,
    })
    // Node closes a request at its next check after the deadline.
    expect(config.HTTP_REQUEST_TIMEOUT_MS + TIMEOUT_CHECK_INTERVAL_MS).toBeLessThanOrEqual(30_000)
    expect(connectionOptions(config)).toEqual({
      requestTimeout: 25_000,
      keepAliveTimeout: 65_000,
      connectionTimeout: 120_000,
      http: { headersTimeout: 10_000, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    })
  })

  it('takes shorter values from the environment, and refuses a header timeout longer than the request timeout', () => {
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000' })).toMatchObject({
      HTTP_REQUEST_TIMEOUT_MS: 2000,
      HTTP_HEADERS_TIMEOUT_MS: 1000,
    })
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '2000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/)
    expect(() => loadConfig({ HTTP_CONNECTIONS_PER_ADDRESS: '-1' })).toThrow(/HTTP_CONNECTIONS_PER_ADDRESS/)
  })
})
