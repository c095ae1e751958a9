import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV = 'text/csv'

describe.each(DB_KINDS)('station sheets on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  const download = (format: 'xlsx' | 'csv', as = 'district') =>
    api.app.inject({
      method: 'GET',
      url: `/api/staff/sheets/stations.${format}`,
      headers: { authorization: `Bearer ${tokens[as]}` },
    })
  const upload = (file: Buffer | string, type: string, mode: 'preview' | 'apply', as = 'district') =>
    api.app.inject({
      method: 'POST',
      url: `/api/staff/sheets/stations?mode=${mode}`,
      payload: file,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': type },
    })
  const workbookOf = async (file: Buffer) => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file)
    return workbook
  }
  const xlsxOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer())
  const stationNames = async () =>
    (await api.database.db.selectFrom('stations').select(['id', 'name']).orderBy('id').execute()).map((s) => s.name)

  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('sh-', [
      ['district', 'staff'],
      ['jiadi', 'staff', 'cm_jiadi'],
      ['resident', 'resident'],
    ])
  })
  afterAll(() => api.close())

  it('exports every station as .xlsx with a column guide in Chinese and English, and as CSV with a BOM', async () => {
    const xlsx = await download('xlsx')
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe(XLSX)
    const workbook = await workbookOf(xlsx.rawPayload)
    const [data, guide] = workbook.worksheets
    const header = (data!.getRow(1).values as string[]).slice(1)
    expect(header.slice(0, 8)).toEqual(['id', 'communityId', 'name', 'nameEn', 'kind', 'address', 'lat', 'lng'])
    expect(data!.rowCount - 1).toBe(await api.countRows('stations'))
    expect(guide!.getRow(2).values).toEqual([
      undefined,
      'id',
      expect.stringContaining('编号'),
      expect.stringContaining('Id'),
    ])

    const csv = await download('csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.body.startsWith('\uFEFFid,communityId,name,nameEn,kind,address,lat,lng')).toBe(true)
    expect(csv.body.trim().split('\r\n').length - 1).toBe(await api.countRows('stations'))
  })

  it.each([
    ['stations', 'csv'],
    ['stations', 'xlsx'],
    ['guesthouses', 'csv'],
    ['guesthouses', 'xlsx'],
    ['members', 'csv'],
    ['members', 'xlsx'],
  ])('previews the sample docs/samples/%s.%s as three new rows, without a single error', async (sheet, format) => {
    const sample = readFileSync(join(__dirname, `../../../../docs/samples/${sheet}.${format}`))
    const preview = await api.app.inject({
      method: 'POST',
      url: `/api/staff/sheets/${sheet}?mode=preview`,
      payload: sample,
      headers: { authorization: `Bearer ${tokens.district}`, 'content-type': format === 'csv' ? CSV : XLSX },
    })
    expect(preview.json()).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [] })
  })

  it('refuses the sheets to anyone but staff', async () => {
    expect((await api.call('GET', '/api/staff/sheets/stations.csv')).statusCode).toBe(401)
    expect((await download('csv', 'resident')).statusCode).toBe(403)
    expect((await upload('id\n', CSV, 'preview', 'resident')).statusCode).toBe(403)
  })

  it('changes nothing when an exported file is imported unchanged, in either format', async () => {
    const total = await api.countRows('stations')
    const auditBefore = await api.countRows('audit_log')
    for (const format of ['xlsx', 'csv'] as const) {
      const file = (await download(format)).rawPayload
      const applied = await upload(file, format === 'xlsx' ? XLSX : CSV, 'apply')
      expect(applied.statusCode).toBe(200)
      expect(applied.json()).toEqual({
        kind: 'stations',
        mode: 'apply',
        rows: total,
        created: 0,
        updated: 0,
        unchanged: total,
        errors: [],
      })
    }
    // Only the two imports themselves are audited: no station was touched.
    expect(await api.countRows('audit_log')).toBe(auditBefore + 2)
  })

  it('previews without writing, then applies a changed and a new row in one go', async () => {
    const workbook = await workbookOf((await download('xlsx')).rawPayload)
    const data = workbook.worksheets[0]!
    const changedId = data.getCell('A2').text
    data.getCell('C2').value = '改名后的站点'
    data.addRow([
      '',
      'cm_jiadi',
      '=不是公式的名称',
      'Sheet station',
      'contact_point',
      '甲第巷 1 号',
      23.6671,
      116.6459,
      '+86 768 1234567',
      '08:00-12:00,14:00-18:00;;;;;;20:00-02:00',
      '2026-10-01',
      'hot_water,charging:off',
      '微笑服务\n有求必应',
    ])
    // A text cell typed with a leading = is a string cell, not a formula: the sheet takes it as text.
    const file = await xlsxOf(workbook)
    const names = await stationNames()

    const preview = await upload(file, XLSX, 'preview')
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ mode: 'preview', created: 1, updated: 1, errors: [] })
    expect(await stationNames()).toEqual(names)

    const applied = await upload(file, XLSX, 'apply')
    expect(applied.json()).toMatchObject({ mode: 'apply', created: 1, updated: 1, errors: [] })
    const changed = await api.call('GET', `/api/stations/${changedId}`)
    expect(changed.json().station.name).toBe('改名后的站点')
    const created = await api.database.db
      .selectFrom('stations')
      .selectAll()
      .where('name', '=', '=不是公式的名称')
      .executeTakeFirstOrThrow()
    const detail = (await api.call('GET', `/api/stations/${created.id}`)).json().station
    expect(detail.hours.weekly[0]).toEqual([
      ['08:00', '12:00'],
      ['14:00', '18:00'],
    ])
    expect(detail.hours.weekly[6]).toEqual([['20:00', '02:00']])
    expect(detail.services).toEqual([
      { key: 'hot_water', available: true, note: null },
      { key: 'charging', available: false, note: null },
    ])
    expect(detail.pledges).toEqual(['微笑服务', '有求必应'])
    const audit = await api.database.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('entity', '=', 'sheet')
      .orderBy('created_at', 'desc')
      .execute()
    expect(audit.map((a) => JSON.parse(a.detail_json))).toContainEqual({
      kind: 'stations',
      rows: data.rowCount - 1,
      created: 1,
      updated: 1,
      unchanged: data.rowCount - 3,
    })

    // The formula-like name goes out as text: marked in the CSV, a string cell in the .xlsx; and comes back unchanged.
    const csv = (await download('csv')).body
    expect(csv).toContain(",'=不是公式的名称,")
    const again = await upload(csv, CSV, 'apply')
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] })
    const cell = (await workbookOf((await download('xlsx')).rawPayload)).worksheets[0]!.getColumn(3).values.find(
      (v) => v === '=不是公式的名称',
    )
    expect(cell).toBe('=不是公式的名称')
  })

  it('names every refused row and column; apply then writes nothing (422 SHEET_HAS_ERRORS)', async () => {
    const workbook = await workbookOf((await download('xlsx', 'jiadi')).rawPayload)
    const data = workbook.worksheets[0]!
    data.getCell('E2').value = 'castle'
    data.getCell('C3').value = { formula: '1+1', result: 2 }
    data.getCell('A4').value = 'st_nosuchstation'
    data.addRow(['', 'cm_xihu', '别人的站', '', 'contact_point', '西湖路', 23.67, 116.64, '', ';;;;;;', '', '', ''])
    const before = await stationNames()
    const file = await xlsxOf(workbook)

    const preview = await upload(file, XLSX, 'preview', 'jiadi')
    expect(preview.statusCode).toBe(200)
    const rows = data.rowCount
    expect(preview.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'kind', code: 'INVALID' }),
      expect.objectContaining({ row: 3, column: 'name', code: 'FORMULA' }),
      expect.objectContaining({ row: 4, column: 'id', code: 'NOT_FOUND' }),
      expect.objectContaining({ row: rows, column: 'communityId', code: 'FORBIDDEN' }),
    ])

    const applied = await upload(file, XLSX, 'apply', 'jiadi')
    expect(applied.statusCode).toBe(422)
    expect(applied.json().error).toMatchObject({ code: 'SHEET_HAS_ERRORS', rows: preview.json().errors })
    expect(await stationNames()).toEqual(before)
  })

  it('refuses what is not a spreadsheet (415), too big a file or too many rows (413)', async () => {
    const notXlsx = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), XLSX, 'preview')
    expect(notXlsx.statusCode).toBe(415)
    expect(notXlsx.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const notUtf8 = await upload(Buffer.from([0xff, 0xfe, 0x00, 0x41]), CSV, 'preview')
    expect(notUtf8.statusCode).toBe(415)
    const json = await api.call('POST', '/api/staff/sheets/stations?mode=preview', tokens.district, { id: 'x' })
    expect(json.statusCode).toBe(415)

    const huge = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), CSV, 'preview')
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    const header = (await download('csv')).body.split('\r\n')[0]
    const manyRows = [
      header,
      ...Array.from({ length: 5001 }, (_, i) => `,cm_jiadi,站${i},,contact_point,路,23.6,116.6,,;;;;;;,,,`),
    ]
    const tooMany = await upload(manyRows.join('\r\n'), CSV, 'preview')
    expect(tooMany.statusCode).toBe(413)
    expect(tooMany.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    // Parsing stops at the row past the limit; blank lines are not rows, so none of the 5,000 is cut off by them.
    const withBlankLines = [
      header,
      ...manyRows.slice(1, 5001).flatMap((row, i) => (i % 1000 === 0 ? ['', row] : [row])),
    ]
    const atLimit = await upload(withBlankLines.join('\r\n'), CSV, 'preview')
    expect(atLimit.statusCode).toBe(200)
    expect(atLimit.json()).toMatchObject({ rows: 5000, created: 5000 })
  })

  it('refuses an .xlsx of more than 5,000 rows (413) and takes one of exactly 5,000', async () => {
    const workbookOfRows = async (count: number) => {
      const workbook = new ExcelJS.Workbook()
      const data = workbook.addWorksheet('站点 stations')
      data.addRow(['id', 'communityId', 'name', 'nameEn', 'kind', 'address', 'lat', 'lng'])
      for (let i = 0; i < count; i++) data.addRow(['', 'cm_jiadi', `站${i}`, '', 'contact_point', '路', 23.6, 116.6])
      return xlsxOf(workbook)
    }
    const over = await upload(await workbookOfRows(5001), XLSX, 'preview')
    expect(over.statusCode).toBe(413)
    expect(over.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageEn: expect.stringContaining('5000 rows'),
    })
    const atLimit = await upload(await workbookOfRows(5000), XLSX, 'preview')
    expect(atLimit.statusCode).toBe(200)
    expect(atLimit.json().rows).toBe(5000)
  })

  it('refuses a zip bomb dressed as .xlsx (413), whether its sizes are declared or hidden', async () => {
    // 100 MB of zeros deflate to ~100 KB: well under the 5 MB upload limit.
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 }))
    expect(bomb.length).toBeLessThan(200 * 1024)
    const declared = await upload(bomb, XLSX, 'preview')
    expect(declared.statusCode).toBe(413)
    expect(declared.json().error.code).toBe('PAYLOAD_TOO_LARGE')

    // The same archive claiming its entry inflates to 100 bytes (local header and central directory both lie).
    const lying = Buffer.from(bomb)
    for (let at = 0; at + 28 <= lying.length; at++) {
      if (lying.readUInt32LE(at) === 0x04034b50) lying.writeUInt32LE(100, at + 22)
      if (lying.readUInt32LE(at) === 0x02014b50) lying.writeUInt32LE(100, at + 24)
    }
    const hidden = await upload(lying, XLSX, 'preview')
    expect(hidden.statusCode).toBe(413)
    expect(hidden.json().error.code).toBe('PAYLOAD_TOO_LARGE')

    const thousands = zipSync(
      Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x/${i}.xml`, new Uint8Array(1)])),
    )
    expect((await upload(Buffer.from(thousands), XLSX, 'preview')).statusCode).toBe(413)
  })
})
