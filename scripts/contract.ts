// `npm run contract`: writes src/shared/openapi.gen.ts from the document the server publishes.
// `npm run contract -- --check` writes nothing and fails when the checked-in file differs from a fresh generation.
import { readFileSync, writeFileSync } from 'node:fs'
import { contractTypes, GENERATED_TYPES, publishedDocument } from './contract/generate'

async function main() {
  const types = await contractTypes(await publishedDocument())
  if (!process.argv.includes('--check')) {
    writeFileSync(GENERATED_TYPES, types)
    console.log(`wrote ${GENERATED_TYPES}`)
  } else if (readFileSync(GENERATED_TYPES, 'utf8') !== types) {
    console.error('src/shared/openapi.gen.ts differs from the document the server publishes: run npm run contract')
    process.exitCode = 1
  }
}

void main()
