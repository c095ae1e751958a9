import { execFile } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyReply } from 'fastify'
import { validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { checkRepliesAgainstContract, takeContractMismatches } from '../../../../tests/support/conformance'
import { callApi } from '../../../../tests/support/http'
import { declareOperation, openapiOptions } from '../../shared/openapi'
import { zodResponseSerializer } from '../../shared/serializer'

interface Operation {
  operationId?: string
  summary?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
}

describe('the published contract', () => {
  let api: TestApi
  let operations: [string, Operation][]
  beforeAll(async () => {
    api = await startTestApi({ seed: false })
    const doc = (await api.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>
    }>()
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    )
  })
  afterAll(() => api.close())

  it('passes Redocly’s recommended rules with no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oth-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, (await api.app.inject({ url: '/api/openapi.json' })).body)
      const redocly = join(process.cwd(), 'node_modules', '.bin', 'redocly')
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
      const lint = await promisify(execFile)(redocly, ['lint', file, '--extends=recommended', '--format=json'], {
        cwd: dir,
        env,
      }).catch((failed: unknown) => failed as { stdout: string })
      const report = JSON.parse(lint.stdout) as {
        totals: { errors: number }
        problems: { ruleId: string; severity: string; message: string }[]
      }
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([])
      expect(report.totals.errors).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names, tags and secures every operation, and documents its refusals with the one error schema', () => {
    expect(operations.length).toBeGreaterThan(50)
    for (const [name, operation] of operations) {
      expect({ name, summary: typeof operation.summary, tags: operation.tags?.length }).toEqual({
        name,
        summary: 'string',
        tags: expect.any(Number),
      })
      expect(operation.operationId).toMatch(/^[a-z]+[A-Za-z]+$/)
      for (const status of ['400', '429'])
        expect({ name, status, response: operation.responses[status] }).toMatchObject({ response: expect.anything() })
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400)
          expect(response.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/ApiError')
      }
    }
    const byName = new Map(operations)
    // A token where the route's access asks for one: optional on public routes, required otherwise, and a role → 403.
    expect(byName.get('GET /api/stations')?.security).toEqual([{}, { bearerAuth: [] }])
    expect(byName.get('GET /api/me')?.security).toEqual([{ bearerAuth: [] }])
    expect(Object.keys(byName.get('GET /api/me')!.responses)).toEqual(expect.arrayContaining(['401']))
    expect(Object.keys(byName.get('GET /api/me')!.responses)).not.toContain('403')
    expect(Object.keys(byName.get('POST /api/stations')!.responses)).toEqual(
      expect.arrayContaining(['401', '403', '413', '415']),
    )
    expect(Object.keys(byName.get('GET /api/stations')!.responses)).not.toContain('401')
  })
})

describe('the conformance check every API test runs', () => {
  it('reports a status the document does not list and a body its schema does not describe', async () => {
    const app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(zodResponseSerializer)
    app.addHook('onRoute', declareOperation)
    checkRepliesAgainstContract(app)
    await app.register(fastifySwagger, openapiOptions)
    const schema = {
      summary: 'A thing',
      tags: ['test'],
      params: z.object({ id: z.string() }),
      response: { 200: z.object({ ok: z.boolean() }) },
    }
    // A route that lies: a status it does not declare, and a body written by hand, which bypasses the serializer.
    app.get('/api/things/:id', { config: { access: 'public' }, schema }, async (request, reply: FastifyReply) =>
      (request.params as { id: string }).id === 'teapot'
        ? reply.status(418).send({ ok: true })
        : reply.type('application/json').send('{"ok":"yes"}'),
    )
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
    try {
      await app.inject({ url: '/api/things/teapot' })
      await app.inject({ url: '/api/things/1' })
      expect(takeContractMismatches()).toEqual([
        expect.stringMatching(
          /^GET \/api\/things\/\{id\} \(getThingsById\) answered 418, a status the document does not list/,
        ),
        expect.stringMatching(
          /\(getThingsById\) answered 200 with a body the document does not describe: \/ok must be boolean/,
        ),
      ])

      // The weapp and H5 suites' calls to an API in another process are checked against its document too.
      await app.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      await expect(callApi(base, 'GET', '/api/things/teapot')).rejects.toThrow(
        /\(getThingsById\) answered 418, a status the document does not list/,
      )
      await expect(callApi(base, 'GET', '/api/things/1')).rejects.toThrow(
        /answered 200 with a body the document does not describe/,
      )
      takeContractMismatches()
    } finally {
      await app.close()
    }
  })
})
