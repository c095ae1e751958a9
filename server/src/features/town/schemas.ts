import { z } from 'zod'
import { line, paragraph, patchOf } from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'

const townFieldsSchema = z.object({
  name: line(40).describe(
    'The town as people call it, e.g. 平遥古城; the app puts it on Home, the map and share titles',
  ),
  nameEn: line(80),
  intro: paragraph(300).describe('A sentence or two for Home'),
  introEn: paragraph(600),
  center: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .describe('GCJ-02, like the stations: where the map opens when the visitor’s position is unknown'),
  zoom: z.number().int().min(3).max(20).describe('The map’s zoom at that centre'),
})

export const townSchema = townFieldsSchema
export type Town = z.infer<typeof townSchema>

export const townPatchSchema = patchOf(townFieldsSchema)
export type TownPatch = z.input<typeof townPatchSchema>

nameSchemas({ Town: townSchema })
