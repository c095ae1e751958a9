import fastJson from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify/types/schema'
import { z } from 'zod'

/**
 * Response bodies are written by fast-json-stringify from the JSON Schema of each route's zod schema: several
 * times faster than validating with zod on every reply, and any field the schema does not name (a phone
 * number on a public list, say) is dropped instead of leaked.
 */
export const serializerFor = <T>(schema: z.ZodType<T>): ((data: T) => string) =>
  fastJson(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as object)

export const zodResponseSerializer: FastifySerializerCompiler<unknown> = ({ schema }) =>
  schema instanceof z.ZodType ? serializerFor(schema) : (data) => JSON.stringify(data)
