// population-scenarios.mjs — 一标三实 in the browser: the chief reads the 走访逾期 count on the
// 一标三实看板; the auxiliary (fujing) opens 今日走访 on a 375×740 phone screen, records a visit on an
// overdue rental; the chief's count is one less.
import { readFile } from 'node:fs/promises'
import { WAIT_MS } from './harness.mjs'
import { nextPart, PART_FIRST_BYTES } from '../../web/src/population/csv.js'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu, pickOption, validId } from './steps.mjs'

const DESKTOP = { width: 1366, height: 820 }
const PHONE = { width: 375, height: 740 }

/** The chief's 走访逾期 figure on the 一标三实看板, reached through the menu. */
async function overdueOnBoard(page) {
  await page.locator('.side-menu .el-menu-item', { hasText: '一标三实看板' }).click()
  await expectPath(page, '/population')
  const value = page.locator('[data-test="pop-value-visits-overdue"]')
  await expectVisible(value, 'the 走访逾期 card')
  await page.waitForFunction(
    () => /^\d+$/.test((document.querySelector('[data-test="pop-value-visits-overdue"]') || {}).textContent?.trim() || ''),
    null,
    { timeout: WAIT_MS }
  )
  return Number((await value.innerText()).trim())
}

/** A number shown in a mobile stat, once loaded. */
async function countOf(page, sel) {
  await page.waitForFunction((s) => /^\d+$/.test(document.querySelector(s)?.textContent?.trim() || ''), sel, { timeout: WAIT_MS })
  return Number((await page.locator(sel).innerText()).trim())
}

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/persons?per_page=1', page: (id) => `/population/persons/${id}` },
  { list: '/rentals?per_page=1', page: (id) => `/population/rentals/${id}` }
]

export const groupRank = 30

/** In 批量导入, upload a CSV made of lines and wait for `n` rows imported. */
async function importCsv(page, name, lines, n) {
  await page.locator('input[data-test="csv-file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') })
  await expectVisible(page.locator('[data-test="csv-name"]', { hasText: name }), `${name} picked`)
  await page.locator('[data-test="csv-start"]').click()
  await expectVisible(page.locator('[data-test="import-imported"]', { hasText: String(n) }), `${n} row(s) of ${name} imported`)
}

export const populationScenarios = [
  {
    name: "the 内勤 brings in a community's registers in 批量导入: its residents, then its rentals by the landlord's ID number",
    async run({ page }) {
      const id = validId('32010619770305261')
      await page.setViewportSize(DESKTOP)
      await login(page, 'neiqin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/population/import')
      await expectVisible(page.locator('[data-test="import-columns"]', { hasText: '姓名,身份证号' }), 'the persons columns')
      await importCsv(page, '登记表.csv', ['姓名,身份证号,类别,社区,楼栋,单元,房号', `导入房东,${id},常住,导入测试社区,1号楼,1单元,101`], 1)
      await page.locator('[data-test="import-what"]').getByText('出租房屋', { exact: true }).click()
      await expectVisible(page.locator('[data-test="import-columns"]', { hasText: '房主身份证号' }), 'the rentals columns')
      assert((await page.locator('[data-test="import-result"]').count()) === 0, 'another kind of file starts without the last result')
      await importCsv(page, '出租房屋.csv', ['社区,楼栋,单元,房号,房主身份证号,等级,间数', `导入测试社区,1号楼,1单元,101,${id},一般户,2`], 1)
      // the rental is the station's now, its landlord the person imported first
      const rentals = await page.evaluate(async () => {
        const d = await fetch('/api/v1/rentals?q=' + encodeURIComponent('导入房东')).then((r) => r.json())
        return d.items.map((x) => x.landlord_name)
      })
      assert(rentals.includes('导入房东'), `the rentals list holds ${JSON.stringify(rentals)}`)
    }
  },
  {
    name: "the 内勤 imports a township's 20 000 residents in one file: parts sized by the link with a progress bar, a stop that the result says is not complete, a resume, a store failure sent again, the bad row reported by its row in the file and in the downloaded report; an open quote refuses the file before any part",
    async run({ page }) {
      // 20 000 rows (1.8 MB, more than one request may carry; parts sized by the link, the first
      // 128 KiB): row 17 502 of the file has a kind the import refuses
      const lines = ['姓名,身份证号,电话,类别,社区,楼栋,单元,房号']
      for (let i = 0; i < 20000; i++) {
        const day = new Date(Date.UTC(1931, 0, 1 + Math.floor(i / 1000)))
        const ymd = day.toISOString().slice(0, 10).replaceAll('-', '')
        const id = validId(`320106${ymd}${String(i % 1000).padStart(3, '0')}`)
        lines.push(`分批居民${i},${id},139${String(i).padStart(8, '0')},${i === 17500 ? '外星人' : '常住'},分批社区,${1 + (i % 30)}号楼,1单元,${100 + (i % 40)}`)
      }
      // the first part is held until 停止 is pressed: the stop lands between parts 1 and 2; the
      // second part's first request meets a store failure that lost only it (503
      // STORE_UNAVAILABLE), and the page sends it again
      const text = lines.join('\r\n') + '\r\n'
      const first = nextPart(text, null, PART_FIRST_BYTES)
      const fmtN = (n) => Number(n).toLocaleString('zh-CN')
      let release
      const held = new Promise((r) => (release = r))
      let posts = 0
      const firstRows = []
      await page.route('**/api/v1/persons/import', async (route) => {
        const k = ++posts
        firstRows.push(route.request().postDataJSON().first_row ?? null)
        if (k === 1) await held
        if (k === 2) {
          await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'STORE_UNAVAILABLE', message: '数据存储暂时不可用，请稍后重试' } }) })
          return
        }
        await route.continue()
      })
      await page.setViewportSize(DESKTOP)
      await login(page, 'neiqin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/population/import')
      await page.locator('input[data-test="csv-file"]').setInputFiles({ name: '分批社区居民.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') })
      await expectVisible(page.locator('[data-test="csv-name"]', { hasText: '分批社区居民.csv' }), 'the file picked')
      // all or nothing takes a file of one part: refused before anything is sent
      await page.locator('[data-test="csv-all"]').click()
      await page.locator('[data-test="csv-start"]').click()
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: '需分 3 批上传' }), 'all or nothing refused for three parts')
      assert(posts === 0, 'nothing sent for an all-or-nothing file of three parts')
      await page.locator('[data-test="csv-all"]').click()
      // a quote never closed on line 15 001: the file is refused whole, as the server refuses one
      const open = [...lines]
      open[15000] = '"' + open[15000]
      await page.locator('input[data-test="csv-file"]').setInputFiles({ name: '引号未闭合.csv', mimeType: 'text/csv', buffer: Buffer.from(open.join('\r\n') + '\r\n') })
      await page.locator('[data-test="csv-start"]').click()
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: '第 15001 行起的引号没有闭合' }), 'an open quote refused before any part')
      assert(posts === 0, 'nothing sent for a file with an open quote')
      await page.locator('input[data-test="csv-file"]').setInputFiles({ name: '分批社区居民.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') })
      await page.locator('[data-test="csv-start"]').click()
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: `正在导入第 1 批（第 2–${fmtN(first.lastRow)} 行）` }), 'part 1 at work')
      await page.locator('[data-test="csv-stop"]').click()
      release()
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: `已停止：第 2–${fmtN(first.lastRow)} 行已处理（已导入 ${fmtN(first.rows)} 行），其余 ${fmtN(20001 - first.lastRow)} 行未导入` }), 'stopped after part 1')
      await expectVisible(page.locator('[data-test="import-imported"]', { hasText: String(first.rows) }), 'the report of part 1')
      // the result of a stopped import says it is not complete (it said 全部导入成功)
      await expectVisible(page.locator('[data-test="import-unfinished"]', { hasText: '未导入' }), 'the result says the import is not complete')
      await page.locator('[data-test="csv-resume"]', { hasText: `从第 ${first.lastRow + 1} 行继续导入` }).click()
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: '20,000 行' }), 'every part done')
      await expectVisible(page.locator('[data-test="csv-stage"]', { hasText: '导入完成：共' }), 'the import complete')
      assert(!(await page.locator('[data-test="import-unfinished"]').isVisible()), 'a complete import has no unfinished notice')
      await expectVisible(page.locator('[data-test="import-imported"]', { hasText: '19999' }), 'all rows but one imported')
      await expectVisible(page.locator('[data-test="import-rows"]', { hasText: '20000' }), 'every row read')
      // the report as a file the clerk corrects the file by
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="import-errors-csv"]').click()])
      assert(/^导入错误报告-\d{8}-\d{4}\.csv$/.test(download.suggestedFilename()), `the report's name: ${download.suggestedFilename()}`)
      const report = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '')
      assert(report === '行号,原因,依据\r\n17502,类别应为 常住/暂住/流动/境外/未落户,\r\n', `the report: ${JSON.stringify(report)}`)
      const errors = await page.locator('[data-test="import-errors"] tbody tr').allInnerTexts()
      assert(errors.length === 1 && /^17502\s+类别/.test(errors[0]), `the bad row by its number in the file: ${JSON.stringify(errors)}`)
      // the parts' first rows: the second sent twice, each later one after the last
      assert(firstRows[0] === null && firstRows[1] === first.lastRow + 1 && firstRows[2] === first.lastRow + 1, `the parts' first rows, the second sent twice: ${JSON.stringify(firstRows)}`)
      assert(firstRows.slice(2).every((r, i, a) => i === 0 || r > a[i - 1]), `the parts in order: ${JSON.stringify(firstRows)}`)
      // the residents are in the registry under their names
      const found = await page.evaluate(async () => {
        const d = await fetch('/api/v1/persons?name=' + encodeURIComponent('分批居民19999')).then((r) => r.json())
        return d.items.map((x) => x.name)
      })
      assert(found.includes('分批居民19999'), `the last row is registered: ${JSON.stringify(found)}`)
      await page.unroute('**/api/v1/persons/import')
    }
  },
  {
    name: 'an auxiliary records a visit on an overdue rental on a phone; the chief sees one overdue visit less',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      const before = await overdueOnBoard(page)
      assert(before > 0, `the demo should have overdue visits, the board shows ${before}`)
      await logoutViaMenu(page)

      // the 警务通 handset: a phone-size screen, straight to 今日走访 (login first)
      await page.setViewportSize(PHONE)
      await page.goto('/visits/today')
      await expectPath(page, '/login')
      await page.locator('input[name="username"]').fill('fujing')
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: '登录' }).click()
      await expectPath(page, '/visits/today') // back where the login was asked for
      await page.locator('[data-test="m-tab-overdue"]').click()
      const overdue = await countOf(page, '[data-test="m-overdue-count"]')
      assert(overdue === before, `今日走访 shows ${overdue} overdue rentals, the board ${before}`)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `今日走访 is ${width} px wide on a ${PHONE.width} px screen`)
      const card = page.locator('[data-test="m-rental"]').first()
      await expectVisible(card, 'an overdue rental card')
      const address = (await card.locator('.m-addr').innerText()).trim()
      await card.click()
      const findings = page.locator('textarea[data-test="visit-findings"]')
      await expectVisible(findings, 'the 走访情况 field')
      await findings.fill('承租人情况正常，已核对证件，消防通道畅通。')
      await page.locator('[data-test="visit-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '走访已保存' }), 'the 走访已保存 message')
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-test="m-overdue-count"]')?.textContent?.trim()) === n,
        overdue - 1,
        { timeout: WAIT_MS }
      )
      const still = await page.locator('[data-test="m-rental"] .m-addr', { hasText: address }).count()
      assert(still === 0, `${address} is still listed as overdue after the visit`)
      // another beat's rental (COM-WARD): listed after his own, read-only
      const other = page.locator('[data-test="m-rental"]', { has: page.locator('[data-test="m-other-beat"]') }).first()
      await expectVisible(other, 'a rental of another beat, marked 非本责任区')
      await other.click()
      await expectVisible(page.locator('[data-test="m-readonly"]'), 'the read-only notice in place of the form')
      const forms = await page.locator('textarea[data-test="visit-findings"]').count()
      assert(forms === 0, 'the visit form is offered on another beat\'s rental')
      await page.locator('[data-test="m-back"]').click()
      // the registers on the same phone: the rental just visited is a card, no longer overdue; a
      // person found by name is a card too (the lists as cards, none wider than the screen)
      const phoneWide = async (what) => {
        const w = await page.evaluate(() => document.documentElement.scrollWidth)
        assert(w <= PHONE.width, `${what} is ${w} px wide on a ${PHONE.width} px screen`)
      }
      await page.goto('/population/rentals')
      await page.locator('input[data-test="rental-search"]').fill(address.replace(/\s+/g, ''))
      const visited = page.locator('[data-test="rental-card"]', { hasText: address })
      await expectVisible(visited, 'the visited rental as a card')
      assert((await visited.locator('[data-test="overdue-tag"]').count()) === 0, `${address} is still tagged overdue`)
      await phoneWide('出租房屋')
      await page.goto('/population/persons')
      await page.locator('input[data-test="q-name"]').fill('王秀英')
      await page.keyboard.press('Enter')
      await expectVisible(page.locator('[data-test="person-card"]', { hasText: '王秀英' }), 'a person as a card')
      await phoneWide('实有人口')
      // 流动人口: the landlord says a tenant left — 人走报告 from the person's card, in two taps
      await page.goto('/population/floating')
      const floating = page.locator('[data-test="floating-card"]').first()
      await expectVisible(floating, 'a floating person as a card')
      await phoneWide('流动人口')
      await floating.locator('[data-test="departure-open"]').click()
      await expectVisible(page.locator('.el-dialog', { hasText: '离开日期' }), 'the 人走报告 dialog')
      await page.locator('[data-test="departure-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '人走报告已登记' }), 'the 人走报告已登记 message')
      await page.goto('/visits/today')
      await page.locator('[data-test="m-logout"]').click()
      await page.locator('.el-message-box').getByRole('button', { name: '退出' }).click()
      await expectPath(page, '/login')

      await page.setViewportSize(DESKTOP)
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      const after = await overdueOnBoard(page)
      assert(after === before - 1, `the board shows ${after} overdue visits, expected ${before - 1}`)
    }
  },
  {
    name: 'an officer lists every person of the station: past 1 000 the page says to narrow the search, and a name narrows it',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'minjing3', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/population/persons')
      await expectPath(page, '/population/persons')
      // the demo's two communities of 城关 hold about 3 000 persons
      await expectVisible(page.locator('[data-test="persons-capped"]'), 'the 超过 1000 人 notice')
      await page.locator('input[data-test="q-name"]').fill('查无此人')
      await page.locator('form.toolbar').getByRole('button', { name: '查询' }).click()
      await expectVisible(page.locator('[data-test="persons-table"]', { hasText: '暂无人员' }), 'an empty list')
      const notice = await page.locator('[data-test="persons-capped"]').count()
      assert(notice === 0, 'the 超过 1000 人 notice is still shown for an empty result')
    }
  },
  {
    name: 'an officer adds a 标准地址: an empty 社区 is refused beside the field, the new 房号 shows in the list; on a phone the 社区 → 楼栋 navigator finds it in a few taps',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/population/addresses')
      await expectPath(page, '/population/addresses')
      await page.locator('[data-test="new-address"]').click()
      const dialog = page.locator('[data-test="address-dialog"]')
      await expectVisible(dialog, 'the 新增标准地址 dialog')
      await dialog.locator('input[name="community"]').fill('')
      await dialog.locator('[data-test="address-save"]').click()
      await expectVisible(dialog.locator('.el-form-item__error', { hasText: '请填写社区（村）' }), 'the missing 社区 error')
      const room = `9${String(Date.now()).slice(-3)}`
      await dialog.locator('input[name="community"]').fill('东街社区')
      await dialog.locator('input[name="building"]').fill('88号楼')
      await dialog.locator('input[name="room"]').fill(room)
      await dialog.locator('[data-test="address-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已保存地址' }), 'the 已保存地址 message')
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      await page.locator('input[placeholder^="筛选"]').fill(room)
      await expectVisible(page.locator('[data-test="address-list"] .addr-row', { hasText: room }), `the new room ${room} in the list`)
      // a phone: 东街社区 → 88号楼 in the navigator, the room's row, its details and the jump to its persons
      await page.setViewportSize(PHONE)
      await page.goto('/population/addresses')
      const nav = page.locator('[data-test="address-nav"]')
      await nav.locator('.nav-item', { hasText: '东街社区' }).click()
      await nav.locator('.nav-item', { hasText: '88号楼' }).click()
      const row = page.locator('[data-test="address-list"] .addr-row', { hasText: room })
      await expectVisible(row, `the new room ${room} under 东街社区 › 88号楼`)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `标准地址 is ${width} px wide on a ${PHONE.width} px screen`)
      await row.click()
      const detail = page.locator('[data-test="address-detail"]')
      await expectVisible(detail, 'the picked address\'s details')
      // 修改: the building type, in a dialog that fits the phone
      await detail.locator('[data-test="address-edit"]').click()
      await expectVisible(dialog, 'the 修改标准地址 dialog')
      await dialog.locator('[data-test="address-type"]').click()
      await pickOption(page, '商铺')
      const dw = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(dw <= PHONE.width, `the address dialog is ${dw} px wide on a ${PHONE.width} px screen`)
      await dialog.locator('[data-test="address-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已修改地址' }), 'the 已修改地址 message')
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      await expectVisible(page.locator('[data-test="address-detail"]', { hasText: '商铺' }), 'the new building type in the details')
      // 未划网格: the new address is in no grid
      await page.locator('[data-test="address-no-grid"]').click()
      await expectVisible(page.locator('[data-test="address-list"] .addr-row', { hasText: room }), `${room} under 未划网格`)
      await detail.getByRole('button', { name: '查看该处人员' }).click()
      await page.waitForURL((u) => new URL(u).pathname === '/population/persons', { timeout: WAIT_MS })
    }
  }
]
