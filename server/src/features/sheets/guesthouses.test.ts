import ExcelJS from 'exceljs'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV = 'text/csv'

describe.each(DB_KINDS)('guesthouse sheets on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  const download = (format: 'xlsx' | 'csv', as = 'district') =>
    api.app.inject({
      method: 'GET',
      url: `/api/staff/sheets/guesthouses.${format}`,
      headers: { authorization: `Bearer ${tokens[as]}` },
    })
  const upload = (file: Buffer | string, type: string, mode: 'preview' | 'apply', as = 'district') =>
    api.app.inject({
      method: 'POST',
      url: `/api/staff/sheets/guesthouses?mode=${mode}`,
      payload: file,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': type },
    })
  const guesthouses = () =>
    api.database.db
      .selectFrom('guesthouses')
      .select(['id', 'name', 'rooms_note', 'photos_json'])
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('shg-', [
      ['district', 'staff'],
      ['jiadi', 'staff', 'cm_jiadi'],
    ])
  })
  afterAll(() => api.close())

  it('exports the guesthouses a staff member acts for, with the API’s field names and a column guide', async () => {
    const csv = await download('csv')
    expect(csv.statusCode).toBe(200)
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe('id,communityId,name,address,lat,lng,roomsNote')
    expect(lines.length - 1).toBe(await api.countRows('guesthouses'))
    const own = (await download('csv', 'jiadi')).body.trim().split('\r\n').slice(1)
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((line) => line.split(',')[1] === 'cm_jiadi')).toBe(true)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await download('xlsx')).rawPayload)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['客栈 guesthouses', '说明 About'])
    expect(workbook.worksheets[1]!.getColumn(2).values).toContainEqual(expect.stringContaining('场地说明'))
  })

  it('changes nothing when an exported file comes back unchanged, in either format', async () => {
    const before = await guesthouses()
    const audit = await api.countRows('audit_log')
    for (const [format, type] of [
      ['xlsx', XLSX],
      ['csv', CSV],
    ] as const) {
      const applied = await upload((await download(format)).rawPayload, type, 'apply')
      expect(applied.statusCode).toBe(200)
      expect(applied.json()).toMatchObject({ created: 0, updated: 0, unchanged: before.length, errors: [] })
    }
    expect(await guesthouses()).toEqual(before)
    expect(await api.countRows('audit_log')).toBe(audit + 2)
  })

  it('previews, then applies a new and a changed guesthouse in one transaction; photos stay', async () => {
    const [header, first, ...rest] = (await download('csv', 'jiadi')).body.trim().split('\r\n')
    const cells = first!.split(',')
    const changedId = cells[0]!
    const photosBefore = (await guesthouses()).find((g) => g.id === changedId)!.photos_json
    cells[6] = '可容纳 40 人的会议室'
    const file = [
      header,
      cells.join(','),
      ...rest,
      ',,许驸马府旁客栈,中山路 3 号,23.6675,116.6449,天井可坐 20 人',
    ].join('\r\n')
    const before = await guesthouses()

    const preview = await upload(file, CSV, 'preview', 'jiadi')
    expect(preview.json()).toMatchObject({ mode: 'preview', created: 1, updated: 1, errors: [] })
    expect(await guesthouses()).toEqual(before)

    const applied = await upload(file, CSV, 'apply', 'jiadi')
    expect(applied.json()).toMatchObject({ mode: 'apply', created: 1, updated: 1, errors: [] })
    const after = await guesthouses()
    expect(after.find((g) => g.id === changedId)).toMatchObject({
      rooms_note: '可容纳 40 人的会议室',
      photos_json: photosBefore,
    })
    const added = after.find((g) => g.name === '许驸马府旁客栈')!
    const listed = (await api.call('GET', '/api/guesthouses')).json().items
    expect(listed).toContainEqual(expect.objectContaining({ id: added.id, communityId: 'cm_jiadi', lat: 23.6675 }))
    const audited = await api.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'guesthouse')
      .where('entity_id', 'in', [added.id, changedId])
      .execute()
    expect(audited).toEqual(
      expect.arrayContaining([
        { entity_id: added.id, action: 'create' },
        { entity_id: changedId, action: 'update' },
      ]),
    )
  })

  it('judges each row as the guesthouse form does and by community; apply then writes nothing (422)', async () => {
    const [header, first, second] = (await download('csv', 'jiadi')).body.trim().split('\r\n')
    const tooFar = first!.split(',')
    tooFar[4] = '95'
    const file = [
      header,
      tooFar.join(','),
      second,
      ',cm_xihu,别人的客栈,西湖路 1 号,23.67,116.64,',
      'gh_nosuch,cm_jiadi,无名,路,23.67,116.64,',
      `,cm_jiadi,${'长'.repeat(41)},路,23.67,116.64,`,
    ].join('\r\n')
    const before = await guesthouses()
    const preview = await upload(file, CSV, 'preview', 'jiadi')
    expect(preview.statusCode).toBe(200)
    expect(preview.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'lat', code: 'INVALID' }),
      expect.objectContaining({ row: 4, column: 'communityId', code: 'FORBIDDEN' }),
      expect.objectContaining({ row: 5, column: 'id', code: 'NOT_FOUND', messageEn: 'No guesthouse has this id' }),
      expect.objectContaining({ row: 6, column: 'name', code: 'INVALID' }),
    ])
    const applied = await upload(file, CSV, 'apply', 'jiadi')
    expect(applied.statusCode).toBe(422)
    expect(applied.json().error).toMatchObject({ code: 'SHEET_HAS_ERRORS', rows: preview.json().errors })
    expect(await guesthouses()).toEqual(before)
  })
})
