import { createRequire } from 'node:module'
import featureCollectionSchema from './geojson/FeatureCollection.json'

interface Ajv {
  compile(
    schema: object,
  ): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null }
}
// The schema is draft-07, which the Ajv 8 installed with ajv-formats reads (the top-level `ajv` is 6, for other tools).
const requireHere = createRequire(__filename)
const Ajv = createRequire(requireHere.resolve('ajv-formats'))('ajv').default as new (options: object) => Ajv
const validate = new Ajv({ strict: false, allErrors: true }).compile(featureCollectionSchema)

/** What the published GeoJSON FeatureCollection schema finds wrong with `body`; empty when it is valid. */
export function geoJsonProblems(body: unknown): string[] {
  if (validate(body)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`)
}
