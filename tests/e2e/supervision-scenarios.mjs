// supervision-scenarios.mjs — 执法监督与警务公开 in the browser (issue 15 part A): a member of the
// public, never logged in, opens the 警务公开 page of 城关派出所 (phones from the settings, the time
// limits from the rule catalog), queries a case by its receipt code, files a complaint and follows
// it by its tracking code; the chief then sees it among the 信访投诉 and accepts it.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, pickOption } from './steps.mjs'

/** The receipt code of a demo case, as its reporter holds it on the 受案回执 (read by the test
 * through the API as the case's officer; the browser stays logged out). */
async function receiptCode(baseUrl, title) {
  const s = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'minjing1', password: DEMO_PASSWORD })
  })
  const cookie = (s.headers.get('set-cookie') || '').split(';')[0]
  const list = await (await fetch(`${baseUrl}/api/v1/cases?per_page=50`, { headers: { cookie } })).json()
  const c = list.items.find((x) => x.title === title)
  assert(c, `no demo case ${title}`)
  const one = await (await fetch(`${baseUrl}/api/v1/cases/${c.id}`, { headers: { cookie } })).json()
  return one.case.receipt_code
}

const shared = {}

// place of this group in the run (tests/e2e/story-files.mjs)
// the 办案回避 page of a case (issue 15), opened with its ?case= query by every role that reads cases
export const a11yDetails = [{ list: '/cases?per_page=1', page: (id) => `/supervision/recusals?case=${id}` }]
export const groupRank = 60

export const supervisionScenarios = [
  {
    name: 'a member of the public opens the 警务公开 page and queries a case without logging in',
    async run({ page, baseUrl }) {
      const code = await receiptCode(baseUrl, '殴打他人')
      await page.goto('/public')
      await expectVisible(page.locator('.login-title', { hasText: '警务公开' }), 'the 警务公开 title')
      await page.locator('[data-test="public-station"]').click()
      await pickOption(page, '城关派出所')
      await expectVisible(page.locator('[data-test="public-notice-name"]', { hasText: '城关派出所' }), 'the station page')
      await expectVisible(page.locator('[data-test="public-supervision-phone"]', { hasText: '0351-1234110' }), 'the supervision phone')
      const limits = await page.locator('[data-test="public-time-limits"]').innerText()
      assert(limits.includes('询问查证') && limits.includes('8小时'), `the time limits lack the 8-hour questioning: ${limits.slice(0, 300)}`)
      const remedies = await page.locator('[data-test="public-remedies"]').innerText()
      assert(remedies.includes('六十日') && remedies.includes('信访'), `the remedies lack 复议/信访: ${remedies.slice(0, 300)}`)
      assert(!(await page.locator('.side-menu').count()), 'the public page must not show the menu')
      // from the page to the progress query, still without a login
      await page.locator('[data-test="public-to-progress"]').click()
      await expectPath(page, '/progress')
      await page.locator('input[name="receipt_code"]').fill(code)
      await page.locator('input[name="phone_last4"]').fill('1111')
      await page.locator('[data-test="progress-query"]').click()
      const result = page.locator('[data-test="progress-result"]', { hasText: '城关派出所' })
      await expectVisible(result, 'the progress result')
      const shown = await result.innerText()
      assert(!shown.includes('殴打他人') && !shown.includes('张志强') && !shown.includes('李建国'),
        `the public result shows more than the stage: ${shown}`)
    }
  },
  {
    name: 'a member of the public files a complaint and follows it by its tracking code',
    async run({ page }) {
      await page.goto('/public/complaint')
      await page.locator('[data-test="complaint-station"]').click()
      await pickOption(page, '城关派出所')
      await page.locator('[data-test="complaint-content"]').fill('报案后一个星期没有民警联系我，希望尽快处理。')
      await page.locator('[data-test="complaint-phone"]').fill('13912345678')
      await page.locator('[data-test="complaint-submit"]').click()
      const codeEl = page.locator('[data-test="complaint-code"]')
      await expectVisible(codeEl, 'the tracking code')
      const code = (await codeEl.innerText()).trim()
      assert(code.length === 10, `tracking code: ${code}`)
      shared.code = code
      // the tracking code is filled in below; the wrong digits are one refusal
      await page.locator('[data-test="track-digits"]').fill('0000')
      await page.locator('[data-test="track-query"]').click()
      await expectVisible(page.locator('[data-test="track-error"]', { hasText: '不正确' }), 'the refusal of wrong digits')
      await page.locator('[data-test="track-digits"]').fill('5678')
      await page.locator('[data-test="track-query"]').click()
      const r = page.locator('[data-test="track-result"]')
      await expectVisible(r, 'the stage of the complaint')
      const text = await r.innerText()
      assert(text.includes('已登记') && text.includes('城关派出所'), `the stage: ${text}`)
      assert(!text.includes('13912345678') && !text.includes('一个星期'), `the answer shows more than the stage: ${text}`)
    }
  },
  {
    name: 'the chief sees the public complaint among the 信访投诉 and accepts it; the public sees it accepted',
    async run({ page }) {
      assert(shared.code, 'no tracking code from the complaint scenario')
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '信访投诉' }).click()
      await expectPath(page, '/supervision/complaints')
      const row = page.locator('[data-test="complaints-table"] tr', { hasText: shared.code })
      await expectVisible(row, 'the complaint in the list')
      await row.locator('[data-test="complaint-open"]').click()
      await page.locator('[data-test="step-accept"]').click()
      await page.waitForFunction(() => !document.querySelector('[data-test="step-accept"]'), null, { timeout: WAIT_MS })
      await page.goto('/public/complaint')
      await page.locator('[data-test="track-code"]').fill(shared.code)
      await page.locator('[data-test="track-digits"]').fill('5678')
      await page.locator('[data-test="track-query"]').click()
      await expectVisible(page.locator('[data-test="track-result"]', { hasText: '已受理' }), 'the accepted stage')
    }
  },
  {
    name: 'the chief registers a petition outside the police\'s powers, tells the petitioner where to go and it is closed',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/supervision/complaints')
      await page.locator('[data-test="complaint-new"]').click()
      await page.locator('[data-test="complaint-scope"]').click()
      await pickOption(page, '不属本系统，告知向有权机关提出')
      await page.locator('[data-test="complaint-scope-unit"]').fill('示范县市场监督管理局')
      await page.getByLabel('内容').fill('来访反映超市出售过期食品，要求处理。')
      await page.locator('.el-dialog__footer button', { hasText: '保存' }).click()
      await expectVisible(page.locator('.el-message', { hasText: '已登记' }), 'the registration message')
      const row = page.locator('[data-test="complaints-table"] tr', { hasText: '过期食品' })
      await expectVisible(row, 'the petition in the list')
      await row.locator('[data-test="complaint-open"]').click()
      await expectVisible(page.locator('[data-test="step-notify"]'), 'only the notice of where to go')
      assert((await page.locator('[data-test="step-accept"]').count()) === 0, 'an item not ours offers 受理')
      await page.locator('[data-test="step-note"]').fill('您反映的食品安全问题属于示范县市场监督管理局职责，请向该局提出。')
      await page.locator('[data-test="step-notify"]').click()
      await page.waitForFunction(() => !document.querySelector('[data-test="step-notify"]'), null, { timeout: WAIT_MS })
    }
  },
  {
    name: 'the chief decides the reporter\'s recusal request against 张伟: he leaves the case',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      const id = await page.evaluate(() =>
        fetch('/api/v1/cases?per_page=50', { credentials: 'same-origin' }).then((r) => r.json())
          .then((d) => (d.items.find((k) => k.title === '盗窃电动车电瓶') || {}).id))
      assert(id, 'no demo case 盗窃电动车电瓶')
      await page.goto(`/supervision/recusals?case=${id}`)
      const row = page.locator('[data-test="recusals-table"] tr', { hasText: '张伟' })
      await expectVisible(row, 'the pending request')
      await row.locator('[data-test="recusal-grant"]').click()
      await page.locator('[data-test="recusal-note"]').fill('报案人申请理由成立，决定张伟回避。')
      await page.locator('[data-test="recusal-decide"]').click()
      await expectVisible(page.locator('[data-test="recusals-table"] tr', { hasText: '决定回避' }), 'the granted recusal')
    }
  }
]
