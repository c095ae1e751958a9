import { startPostgres, type PostgresCluster } from './postgres'

declare global {
  var __OTH_PG__: PostgresCluster | undefined
}

/** Once per `npm test`: a throwaway PostgreSQL cluster that every API suite makes its own database in. */
export default async function globalSetup() {
  const kinds = process.env.TEST_DB_KINDS ?? 'sqlite,postgres'
  if (!kinds.includes('postgres')) return
  const cluster = await startPostgres()
  globalThis.__OTH_PG__ = cluster
  process.env.OTH_TEST_PG_ADMIN_URL = cluster.adminUrl
}
