// The yardstick: a plain Fastify route with no database, validation, auth or schema, run beside the real API. It
// answers with the object in PAYLOAD_FILE (a station list the API gave), so the two move the same bytes: what is left
// between them is the work the API does per request.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const payload = JSON.parse(readFileSync(process.env.PAYLOAD_FILE, 'utf8'))
const app = Fastify()
app.get('/bare', async () => payload)
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
