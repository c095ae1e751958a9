export default async function globalTeardown() {
  globalThis.__OTH_PG__?.stop()
}
