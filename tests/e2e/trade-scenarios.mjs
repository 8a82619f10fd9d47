// trade-scenarios.mjs — 特种行业 in the browser (issue 16, part B): an officer opens a hotel on a
// 390×844 phone screen, records an inspection by the hotel checklist with one item failed and a
// finding with its rectification deadline; the finding shows on the unit and, as a card on the phone
// (a table on the desk), in 检查整改; the register lists the hotel as a card.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'
import { checkPage } from './a11y.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 820 }

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/trade-units', page: (id) => `/trades/units/${id}` },
  { list: '/security-forecasts', page: (id) => `/print/forecasts/${id}` }
]

export const groupRank = 90

export const tradeScenarios = [
  {
    name: 'an officer records an inspection with a finding on a phone; it is listed in 检查整改 as a card',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the demo's 东街快捷酒店: inspected without findings (src/seed/seed_trades.c)
      const id = await page.evaluate(async () => {
        const d = await fetch('/api/v1/trade-units?category=special_trade&kind=hotel').then((r) => r.json())
        return (d.items.find((u) => u.name === '东街快捷酒店') || {}).id
      })
      assert(id, 'the demo hotel 东街快捷酒店 is missing')
      await page.goto(`/trades/units/${id}`)
      await expectVisible(page.locator('[data-test="trade-unit-name"]', { hasText: '东街快捷酒店' }), 'the unit page')
      await page.locator('[data-test="inspection-new"]').click()
      await expectVisible(page.locator('[data-test="checklist"]'), 'the hotel checklist')
      const rows = await page.locator('[data-test="checklist"] .check-row').count()
      assert(rows === 7, `the hotel checklist has ${rows} items, expected 7`)
      await page.locator('[data-test="check-0"]').getByText('不合格').click()
      await page.locator('[data-test="finding-add"]').click()
      const desc = page.locator('[data-test="finding-0"] textarea')
      await expectVisible(desc, 'the finding text')
      await desc.fill('旅客住宿登记并查验身份证件：两名旅客未登记证件号码')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the inspection form is ${width} px wide on a ${PHONE.width} px screen`)
      // COM-HOTEL-POLICE: the officers showed their ID
      await page.locator('[data-test="id-shown"]').click()
      await page.locator('[data-test="inspection-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '检查记录已保存' }), 'the 检查记录已保存 message')
      await page.locator('[data-test="inspection-save"]').waitFor({ state: 'hidden', timeout: WAIT_MS })
      const table = page.locator('[data-test="findings-table"]')
      await expectVisible(table.locator('.el-table__body', { hasText: '两名旅客未登记证件号码' }), 'the finding on the unit')
      // its 整改通知书: numbered on the first print, the finding and its deadline on the sheet
      await page.locator('[data-test="inspection-notice"]').first().click()
      const sheet = page.locator('[data-test="sheet-rectification_notice"]')
      await expectVisible(sheet, 'the 整改通知书 sheet')
      await expectVisible(sheet.locator('[data-test="doc-no"]', { hasText: /公（限改）字〔\d{4}〕\d{5}号/ }), 'the notice number')
      await expectVisible(sheet.locator('[data-test="notice-findings"]', { hasText: '两名旅客未登记证件号码' }), 'the finding on the notice')
      await expectVisible(sheet.locator('[data-test="notice-basis"]', { hasText: '第16条' }), 'the legal basis from the catalog')

      // 检查整改 on the phone: the finding as a card within the screen, which opens its unit
      await page.goto('/trades/findings')
      const card = page.locator('[data-test="finding-card"]', { hasText: '两名旅客未登记证件号码' })
      await expectVisible(card, 'the finding as a card in 检查整改')
      await expectVisible(card.getByText('东街快捷酒店'), 'the unit on the card')
      const listWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(listWidth <= PHONE.width, `检查整改 is ${listWidth} px wide on a ${PHONE.width} px screen`)
      await checkPage(page, '检查整改 on a phone')
      await card.click()
      await expectPath(page, `/trades/units/${id}`)
      // the register too: the hotel as a card
      await page.goto('/trades/units')
      await expectVisible(page.locator('[data-test="trade-unit-card"]', { hasText: '东街快捷酒店' }), 'the hotel as a card')
      const unitsWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(unitsWidth <= PHONE.width, `特种行业与内部单位 is ${unitsWidth} px wide on a ${PHONE.width} px screen`)
      // the other registers of the beat on the phone: 小区 (a tap opens its 安全小区 history), 为民服务,
      // the employers' spot checks — cards, none wider than the screen
      await page.goto('/trades/compounds')
      const compound = page.locator('[data-test="compound-card"]').first()
      await expectVisible(compound, 'a compound as a card')
      await compound.click()
      await expectVisible(page.locator('.el-drawer', { hasText: '按条件评定' }), 'the compound opened from its card')
      for (const [path, card] of [['/trades/services', 'service-card'], ['/trades/employers', 'check-card']]) {
        await page.goto(path)
        await expectVisible(page.locator(`[data-test="${card}"]`).first(), `${path} as cards`)
        const w = await page.evaluate(() => document.documentElement.scrollWidth)
        assert(w <= PHONE.width, `${path} is ${w} px wide on a ${PHONE.width} px screen`)
        // the cards pass axe-core as the tables do (the walk of every page runs on a desk screen)
        await checkPage(page, `${path} on a phone`)
      }

      await page.setViewportSize(DESKTOP)
      await page.goto('/trades/findings')
      await expectVisible(
        page.locator('[data-test="findings-list"] .el-table__body', { hasText: '两名旅客未登记证件号码' }),
        'the finding in 检查整改'
      )
    }
  }
]
