// circulated-goods-scenarios.mjs — the 协查物品 list in the browser (issue 16): on a phone, the demo's
// circulated 华为 phone shows its hit (the phone pawned at 鑫源典当行, src/seed/seed_circulated_goods.c)
// with its 警情; an officer circulates a good and a pawn ticket with that identifier, written otherwise,
// is recorded with the 协查命中 alert and tag (COM-PAWN).
import { expectPath, expectVisible, login, DEMO_PASSWORD, assert, validId } from './steps.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 900 }

export const circulatedGoodsScenarios = [
  {
    name: 'an officer on a phone opens the circulated phone and sees the pawn ticket it hit, with its 警情',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/circulated-goods')
      await expectPath(page, '/trades/circulated-goods')
      const card = page.locator('[data-test="cg-list"] .m-card', { hasText: '86 775306 123456 7' })
      await expectVisible(card, 'the circulated 华为 phone')
      await expectVisible(card.locator('.el-tag', { hasText: '比中 1' }), 'its hit count')
      await card.click()
      const hit = page.locator('[data-test="cg-drawer"] [data-test="cg-hit"]', { hasText: '鑫源典当行' })
      await expectVisible(hit, 'the hit at 鑫源典当行')
      await expectVisible(hit.getByRole('button', { name: /警情/ }), 'the 警情 of the hit')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the 协查物品 page is ${width} px wide on a ${PHONE.width} px screen`)
    }
  },
  {
    name: 'an officer circulates a good; a pawn ticket with its identifier (lower case, spaces) shows 协查命中',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/circulated-goods')
      await page.locator('[data-test="cg-new"]').click()
      const tail = String(Date.now()).slice(-6)
      await page.locator('input[data-test="cg-name"]').fill(`测试协查平板${tail}`)
      await page.locator('input[data-test="cg-identifier"]').fill(`E2E-PAD-${tail}`)
      await page.locator('[data-test="cg-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已发布协查' }), 'the 已发布协查 message')
      await expectVisible(page.locator('[data-test="cg-list"] .el-table__body', { hasText: `测试协查平板${tail}` }), 'the good in the list')
      await page.goto('/trades/pawn-tickets')
      await expectPath(page, '/trades/pawn-tickets')
      await page.locator('[data-test="pawn-new"]').click()
      const ticket = `E2E-CG-${tail}`
      await page.locator('input[data-test="pawn-ticket"]').fill(ticket)
      await page.locator('input[data-test="pawn-item"]').fill('平板电脑')
      await page.locator('input[data-test="pawn-identifier"]').fill(`e2e pad ${tail}`)
      await page.locator('input[data-test="pawn-origin"]').fill('称自用')
      await page.locator('input[data-test="pawn-name"]').fill('测试出质人')
      await page.locator('input[data-test="pawn-id"]').fill(validId('14010519910303123'))
      await page.locator('[data-test="pawn-save"]').click()
      await expectVisible(page.locator('[data-test="pawn-hit-alert"]', { hasText: `测试协查平板${tail}` }), 'the 协查命中 alert')
      const row = page.locator('[data-test="pawn-list"] .el-table__row', { hasText: ticket })
      await expectVisible(row.locator('[data-test="pawn-cg-hit"]'), 'the 协查命中 tag on the ticket')
    }
  }
]
