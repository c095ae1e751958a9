import type { SwaggerTransformObject } from '@fastify/swagger'
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { z } from 'zod'

/**
 * Named schemas in the published document. A response schema declared with `.meta({ id: 'StationSummary' })` is
 * published once under `components.schemas` and referenced wherever an answer holds it, so the app's generated types
 * call it by that name. What a request takes (body, query, path) stays written out where it is taken: a form's body
 * is named by its route, and the suites that walk the document's inputs read them as they are.
 */

/**
 * Gives these schemas their names in the document, keeping what else they carry (a description): each feature names
 * the answers it sends, beside their declarations (`nameSchemas({ StationSummary: stationSummarySchema })`).
 */
export function nameSchemas(named: Record<string, z.ZodType>): void {
  for (const [id, schema] of Object.entries(named))
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id })
}

const PREFIX = '#/components/schemas/'
/** fastify-type-provider-zod names the input reading of a registered schema `<id>Input`. */
const INPUT_SUFFIX = 'Input'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Schemas = Record<string, Json>

interface Operation {
  parameters?: { schema?: Json }[]
  requestBody?: { content?: Record<string, { schema?: Json }> }
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `schema` with every reference to an input reading replaced by that reading, all the way down. */
function inlineInputs(schema: Json, schemas: Schemas): Json {
  if (Array.isArray(schema)) return schema.map((item) => inlineInputs(item, schemas))
  if (!isObject(schema)) return schema
  const { $ref, ...rest } = schema
  // @fastify/swagger resolves some references itself, leaving the named schema's own `$id` and dialect behind.
  if (typeof rest.$id === 'string' && rest.$id.startsWith(PREFIX)) {
    delete rest.$id
    delete rest.$schema
  }
  const inlined = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineInputs(value, schemas)]))
  if (typeof $ref !== 'string' || !$ref.startsWith(PREFIX) || !$ref.endsWith(INPUT_SUFFIX))
    return $ref === undefined ? inlined : { $ref, ...inlined }
  const target = schemas[$ref.slice(PREFIX.length)]
  if (!isObject(target)) throw new Error(`${$ref} is not in the document`)
  return { ...(inlineInputs(target, schemas) as object), ...inlined }
}

/** The names `node` refers to, directly or through the schemas it names. */
function referencedNames(node: Json, schemas: Schemas, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => referencedNames(item, schemas, found))
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(PREFIX)) {
        const name = value.slice(PREFIX.length)
        if (!found.has(name)) {
          found.add(name)
          referencedNames(schemas[name] ?? null, schemas, found)
        }
      } else referencedNames(value, schemas, found)
    }
  }
  return found
}

/**
 * The document with the registered schemas under `components.schemas` (fastify-type-provider-zod's transform), each
 * operation's inputs written out again, and only the schemas something refers to.
 */
export const withNamedSchemas: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as {
    paths?: Record<string, Record<string, Operation>>
    components?: { schemas?: Schemas }
  }
  const schemas = document.components?.schemas ?? {}
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? [])
        if (parameter.schema) parameter.schema = inlineInputs(parameter.schema, schemas)
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        if (media.schema) media.schema = inlineInputs(media.schema, schemas)
    }
  }
  const used = referencedNames(document.paths as Json, schemas)
  if (document.components)
    document.components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)))
  return document
}
