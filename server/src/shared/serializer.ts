import fastJson from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify/types/schema'
import { z } from 'zod'

/**
 * Response bodies are written by fast-json-stringify from the JSON Schema of each route's zod schema: several
 * times faster than validating with zod on every reply, and any field the schema does not name (a phone
 * number on a public list, say) is dropped instead of leaked.
 */
/** The schemas' names (`.meta({ id })`) are for the document; each serializer gets its schema written out whole. */
const UNNAMED = z.registry<Record<string, unknown>>()

export const serializerFor = <T>(schema: z.ZodType<T>): ((data: T) => string) =>
  fastJson(
    z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any', metadata: UNNAMED }) as object,
  )

/** Compiled once per schema: every route shares the few error schemas (see shared/openapi.ts). */
const compiled = new WeakMap<z.ZodType, (data: unknown) => string>()

export const zodResponseSerializer: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data)
  let serialize = compiled.get(schema)
  if (!serialize) {
    serialize = serializerFor(schema)
    compiled.set(schema, serialize)
  }
  return serialize
}
