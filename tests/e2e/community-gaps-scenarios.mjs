// community-gaps-scenarios.mjs — 撤管 in the browser (issue 16 gaps): the beat officer (minjing1,
// 东街二区) asks on a phone to remove one of his key persons with a reason; the page shows the request
// pending; the chief (suozhang) opens 撤管审批 and approves it; the person's page then says 已撤管.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 820 }

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
  }
]
