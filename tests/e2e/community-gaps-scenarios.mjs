// community-gaps-scenarios.mjs — the issue 16 gaps in the browser: 撤管 (the beat officer minjing1 asks
// on a phone to remove one of his key persons; the chief approves it on 撤管审批; the person's page then
// says 已撤管); a hotel guest registered on a phone, refused first for a wrong ID number
// (COM-HOTEL-REG); the 旅业 system's export taken in by an auxiliary; a suspicious scrap lot of the demo held against a receipt (COM-SCRAP-REPORT).
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu, validId } from './steps.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 820 }

// A workbook as the server's reader needs it (core/xlsx.c): one stored zip entry,
// xl/worksheets/sheet1.xml, its cells inline strings; Excel's other parts are not read.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (b) => {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function oneSheetWorkbook(rows) {
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows.map((r, i) => `<row r="${i + 1}">` + r.map((v) => `<c t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('') +
    '</sheetData></worksheet>'
  const data = Buffer.from(xml, 'utf8')
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(name.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + name.length, 12)
  end.writeUInt32LE(30 + name.length + data.length, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

// An instant h hours ago as the 旅业 system writes it (local time, UTC+8).
const feedTime = (h) => new Date(Date.now() + 8 * 3600e3 - h * 3600e3).toISOString().slice(0, 19).replace('T', ' ')

// fujing (城关's auxiliary) on 旅客住宿登记 uploads file to 导入旅业数据 (with all: ticking
// 全部成功才导入) and waits for `imported` rows in; returns the dialog, still open with its result.
async function feedUpload(page, file, imported, { all = false } = {}) {
  await page.setViewportSize(DESKTOP)
  await login(page, 'fujing', DEMO_PASSWORD)
  await expectPath(page, '/')
  await page.goto('/trades/hotel-guests')
  await page.locator('[data-test="guest-import"]').click()
  const dialog = page.locator('[data-test="guest-import-dialog"]')
  await expectVisible(dialog.getByText('旅馆编码,旅馆名称,姓名'), 'the columns the import reads')
  await dialog.locator('input[data-test="csv-file"]').setInputFiles(file)
  await expectVisible(dialog.locator('[data-test="csv-name"]', { hasText: file.name }), 'the file picked')
  if (all) await dialog.locator('[data-test="csv-all"]').click()
  await dialog.locator('[data-test="csv-start"]').click()
  await expectVisible(dialog.locator('[data-test="import-imported"]', { hasText: String(imported) }), `${imported} row(s) imported`)
  return dialog
}

export const communityGapsScenarios = [
  {
    name: 'a beat officer asks on a phone to remove a key person (撤管); the chief approves it',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the last listed key person of his own beat (the other stories use the first ones)
      const kp = await page.evaluate(async () => {
        const d = await fetch('/api/v1/key-persons?mine=1').then((r) => r.json())
        const own = d.items.filter((k) => k.status === 'active' && k.source === 'listed')
        return own[own.length - 1] || null
      })
      assert(kp, 'minjing1 has no listed key person')
      await page.goto(`/community/key-persons/${kp.id}`)
      await expectVisible(page.locator('[data-test="kp-detail"]', { hasText: kp.name }), 'the key person page')
      await page.locator('[data-test="kp-remove"]').click()
      await page.locator('textarea[data-test="kp-remove-reason"]').fill('考察期满，已稳定就业，近一年无异常')
      await page.locator('[data-test="kp-remove-send"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '撤管申请已提交' }), 'the request message')
      await expectVisible(page.locator('[data-test="kp-removal-pending"]'), 'the pending tag')
      await expectVisible(page.locator('[data-test="kp-removals"] .el-table__body', { hasText: '考察期满' }), 'the request in the history')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the key person page is ${width} px wide on a ${PHONE.width} px screen`)
      await page.setViewportSize(DESKTOP)
      await logoutViaMenu(page)
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '撤管审批' }).click()
      await expectPath(page, '/community/key-person-removals')
      const row = page.locator('[data-test="kr-table"] .el-table__row', { hasText: '考察期满' })
      await expectVisible(row, 'the request in 撤管审批')
      await row.locator('[data-test="kr-decide"]').click()
      await page.locator('[data-test="kr-approve"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已批准撤管' }), 'the approval message')
      await page.waitForFunction(
        () => ![...document.querySelectorAll('[data-test="kr-table"] .el-table__row')].some((e) => e.textContent.includes('考察期满')),
        null,
        { timeout: WAIT_MS }
      )
      await page.goto(`/community/key-persons/${kp.id}`)
      await expectVisible(page.locator('[data-test="kp-detail"]', { hasText: '已撤管' }), 'the person removed')
    }
  },
  {
    name: 'an officer registers a hotel guest on a phone: a wrong ID number is refused by the rule, a valid one is listed',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/hotel-guests')
      await page.locator('[data-test="guest-new"]').click()
      await page.locator('input[data-test="guest-name"]').fill('测试住客')
      await page.locator('input[data-test="guest-id"]').fill('110101199001011230')
      await page.locator('input[data-test="guest-room"]').fill('909')
      await page.locator('[data-test="guest-save"]').click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '身份证号码' }), 'the COM-HOTEL-REG refusal')
      // the same number with its right check digit (GB 11643)
      await page.locator('input[data-test="guest-id"]').fill(validId('11010119900101123'))
      await page.locator('[data-test="guest-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已登记' }), 'the 已登记 message')
      await expectVisible(page.locator('[data-test="guest-list"] .el-table__body', { hasText: '测试住客' }), 'the guest in the list')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the guest page is ${width} px wide on a ${PHONE.width} px screen`)
    }
  },
  {
    name: "an auxiliary takes in the 旅业 system's export: one guest listed as imported, a wrong ID number reported with its rule",
    async run({ page }) {
      const id = validId('14010719820607315')
      const csv =
        '旅馆编码,旅馆名称,姓名,证件类型,证件号码,国籍,房号,入住时间,退房时间,上传时间\r\n' +
        `特行字第0001号,,导入住客,居民身份证,${id},中国,918,${feedTime(3)},,\r\n` +
        `,城关宾馆,坏号住客,居民身份证,110101199001011230,中国,919,${feedTime(2)},,\r\n`
      const dialog = await feedUpload(page, { name: '旅业导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, 1)
      const err = dialog.locator('[data-test="import-errors"] .el-table__row', { hasText: '身份证号码' })
      await expectVisible(err, 'the refused row in the error report')
      await expectVisible(err.locator('[data-rule="COM-HOTEL-REG"]', { hasText: '旅客住宿登记' }), 'the refused row names its rule')
      await dialog.getByRole('button', { name: '关闭', exact: true }).click()
      const row = page.locator('[data-test="guest-list"] .el-table__row', { hasText: '导入住客' })
      await expectVisible(row, 'the imported guest in the list')
      assert((await row.textContent()).includes('旅业系统'), 'the stay says it came from the 旅业 system')
    }
  },
  {
    name: 'asked 全部成功才导入, an export with one wrong ID number imports nothing: the warning, the report, no guest',
    async run({ page }) {
      const csv =
        '旅馆编码,旅馆名称,姓名,证件类型,证件号码,国籍,房号,入住时间,退房时间,上传时间\r\n' +
        `特行字第0001号,,全有住客,居民身份证,${validId('14010719830709415')},中国,921,${feedTime(3)},,\r\n` +
        `,城关宾馆,全无住客,居民身份证,110101199001011230,中国,922,${feedTime(2)},,\r\n`
      const dialog = await feedUpload(page, { name: '旅业导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, 0, { all: true })
      await expectVisible(dialog.locator('[data-test="import-whole-refused"]', { hasText: '均未导入' }), 'the whole file refused')
      await expectVisible(dialog.locator('[data-test="csv-progress"]', { hasText: '未导入' }), 'the progress line says so')
      await expectVisible(dialog.locator('[data-test="import-errors"] .el-table__row', { hasText: '身份证号码' }), 'the row that failed')
      // the good row was not kept: the station's stays, read from the server, do not hold it
      const names = await page.evaluate(async () => {
        const d = await fetch('/api/v1/hotel-guests?per_page=200').then((r) => r.json())
        return d.items.map((g) => g.name)
      })
      assert(names.length > 0, 'the station lists its stays')
      assert(!names.includes('全有住客'), 'the good row of a file refused whole is not kept')
    }
  },
  {
    name: "the 旅业 system's export as an Excel workbook: no encoding to choose, the guest listed",
    async run({ page }) {
      const xlsx = oneSheetWorkbook([
        ['旅馆名称', '姓名', '证件类型', '证件号码', '国籍', '房号', '入住时间', '上传时间'],
        ['悦来客栈', 'Lars Eriksen', '护照', 'SE7788991', '瑞典', '12', feedTime(5), feedTime(4)]
      ])
      const dialog = await feedUpload(
        page,
        { name: '旅业导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx },
        1
      )
      assert((await dialog.locator('[data-test="csv-encoding"]').count()) === 0, 'a workbook asks for no encoding')
      await dialog.getByRole('button', { name: '关闭', exact: true }).click()
      const row = page.locator('[data-test="guest-list"] .el-table__row', { hasText: 'Lars Eriksen' })
      await expectVisible(row, 'the guest from the workbook in the list')
      assert((await row.textContent()).includes('已报送'), 'his upload time is his report')
    }
  },
  {
    name: 'an officer holds a suspicious scrap lot against a receipt',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '废旧金属收购登记' }).click()
      await expectPath(page, '/trades/scrap-purchases')
      await page.locator('[data-test="scrap-view"]').getByText('待处置').click()
      // the demo's cast-iron manhole cover, reported today (src/seed/seed_community_gaps.c)
      const row = page.locator('[data-test="scrap-list"] .el-table__row', { hasText: '井盖' })
      await expectVisible(row, 'the waiting lot')
      await row.locator('[data-test="scrap-handle"]').click()
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '收据' }), 'the receipt refusal (COM-SCRAP-REPORT)')
      await page.getByRole('dialog').getByLabel('收据编号').fill('城关扣〔2026〕08号')
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已登记处置' }), 'the 已登记处置 message')
      await page.waitForFunction(
        () => ![...document.querySelectorAll('[data-test="scrap-list"] .el-table__row')].some((e) => e.textContent.includes('井盖')),
        null,
        { timeout: WAIT_MS }
      )
    }
  }
]
