// The yardstick: a bare Fastify route with no database, validation or auth, run beside the real API.
import Fastify from 'fastify'

const app = Fastify()
app.get('/bare', async () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
