// incident-scenarios.mjs — 110 接处警 in the browser: the desk registers a call by keyboard and
// dispatches it to 城关派出所; an officer watching the board in a second browser sees it appear
// without reloading, signs for it, arrives and turns it into an admin case with a co-officer; the
// 警务动态日报 ranks the nine stations.
import { WAIT_MS, newPage } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, pickOption } from './steps.mjs'

const PLACE = `城关镇东街${String(Date.now()).slice(-6)}号门前`
const shared = { no: '', caseNo: '' }

async function pickOptionContaining(page, text) {
  const opt = page.locator('.el-select-dropdown__item:visible', { hasText: text })
  await expectVisible(opt, `option containing ${text}`)
  await opt.first().click()
}

async function waitHidden(page, dialog, what) {
  try {
    await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
  } catch (e) {
    const msg = await page.locator('[data-test="rule-alert"]:visible, .el-form-item__error:visible, .el-message:visible').allInnerTexts()
    throw new Error(`${what} did not close; shown: ${msg.join(' | ') || '(nothing)'}`)
  }
}

async function expectStatus(page, label) {
  await expectVisible(page.locator('[data-test="incident-status"]', { hasText: label }), `the incident status ${label}`)
}

/** The desk's keyboard run through the intake form: Enter moves on, Ctrl+Enter submits. */
async function registerCall(page) {
  await page.locator('.side-menu .el-menu-item', { hasText: '接警登记' }).click()
  await expectPath(page, '/incidents/new')
  const form = page.locator('[data-test="intake-form"]')
  const category = form.locator('[data-test="category-select"] input')
  await category.waitFor({ state: 'visible', timeout: WAIT_MS })
  await page.waitForFunction(() => document.activeElement && document.activeElement.closest('[data-test="category-select"]'), null, {
    timeout: WAIT_MS
  })
  await page.keyboard.type('odtr') // pinyin initials of 殴打他人
  await expectVisible(page.locator('.el-select-dropdown__item:visible', { hasText: '殴打他人' }), 'the 殴打他人 option found by odtr')
  await page.keyboard.press('Enter') // takes the first match, moves to 优先级
  await expectVisible(form.locator('[data-test="category-select"]', { hasText: '殴打他人' }), 'the chosen category 殴打他人')
  await page.waitForFunction(() => document.activeElement && document.activeElement.type === 'radio', null, { timeout: WAIT_MS })
  await page.keyboard.press('Enter') // → 发案地点
  await page.keyboard.type(PLACE)
  await page.keyboard.press('Enter') // → 报警人
  await page.keyboard.type('王五')
  await page.keyboard.press('Enter') // → 联系电话
  await page.keyboard.type('13900001234')
  await page.keyboard.press('Enter') // → 身份保密
  await page.keyboard.press('Enter') // → 简要警情
  await page.keyboard.type('两名男子在店门前发生争执并互相推搡，报警人称有人受轻伤')
  assert((await form.locator('input[name="place"]').inputValue()) === PLACE, 'Enter did not lead through the form to 发案地点')
  assert((await form.locator('input[name="caller_phone"]').inputValue()) === '13900001234', 'the phone did not land in 联系电话')
  await page.keyboard.press('Control+Enter')
  const done = page.locator('[data-test="intake-done-link"]')
  try {
    await done.waitFor({ state: 'visible', timeout: WAIT_MS })
  } catch (e) {
    const msg = await page.locator('[data-test="rule-alert"], .el-form-item__error:visible, [data-test="duplicate-dialog"]:visible').allInnerTexts()
    throw new Error(`接警登记 was not confirmed; shown: ${msg.join(' | ') || '(nothing)'}`)
  }
  shared.no = (await done.innerText()).trim()
  assert(/^JQ\d{13}$/.test(shared.no), `unexpected incident number: ${shared.no}`)
}

async function dispatchToChengguan(page) {
  await page.locator('[data-test="intake-done-link"]').click()
  await page.waitForURL((u) => /^\/incidents\/\d+$/.test(u.pathname), { timeout: WAIT_MS })
  await expectStatus(page, '待派警')
  await page.locator('[data-test="act-dispatch"]').click()
  const dialog = page.locator('.el-dialog:visible', { hasText: '派警' })
  await expectVisible(dialog, 'the 派警 dialog')
  await dialog.locator('[data-test="dispatch-station"]').click()
  await pickOption(page, '城关派出所')
  await dialog.locator('[data-test="dispatch-confirm"]').click()
  await waitHidden(page, dialog, 'the 派警 dialog')
  await expectStatus(page, '已派警')
  await expectVisible(page.locator('[data-test="event-dispatch"]', { hasText: '城关派出所' }), 'the 派警 step in the timeline')
}

async function feedbackToCase(op) {
  await op.locator('[data-test="act-feedback"]').click()
  const dialog = op.locator('.el-dialog:visible', { hasText: '处警反馈' })
  await expectVisible(dialog, 'the 处警反馈 dialog')
  await dialog.locator('[data-test="feedback-outcome"] .el-radio', { hasText: '转为行政案件' }).click()
  await dialog.locator('textarea[name="feedback_text"]').fill('到场查明双方因琐事争执，赵六推搡王五致其面部轻微擦伤，依法受案调查。')
  await dialog.locator('[data-test="offence-select"]').click()
  await dialog.locator('[data-test="offence-select"] input').fill('殴打他人')
  await pickOptionContaining(op, 'OF-052')
  await dialog.locator('[data-test="feedback-co-officer"]').click()
  await pickOptionContaining(op, '张伟')
  await dialog.locator('[data-test="feedback-confirm"]').click()
  await waitHidden(op, dialog, 'the 处警反馈 dialog')
  const link = op.locator('[data-test="incident-case-link"]')
  await expectVisible(link, 'the case number on the incident')
  shared.caseNo = (await link.innerText()).trim()
  assert(/行〔\d{4}〕\d+号/.test(shared.caseNo), `unexpected case number: ${shared.caseNo}`)
  await expectStatus(op, '已反馈')
  await link.click()
  await op.waitForURL((u) => /^\/cases\/\d+$/.test(u.pathname), { timeout: WAIT_MS })
  const caseNo = (await op.locator('[data-test="case-no"]').innerText()).trim()
  assert(caseNo === shared.caseNo, `the case page shows ${caseNo}, the incident ${shared.caseNo}`)
}

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/incidents?per_page=1', page: (id) => `/incidents/${id}` }
]

export const groupRank = 40

export const incidentScenarios = [
  {
    name: 'the 110 desk registers and dispatches a call; the officer sees it appear on the board, arrives, converts it to a case',
    async run({ page, baseUrl }) {
      const officer = await newPage(page.context().browser(), baseUrl)
      const op = officer.page
      try {
        await login(op, 'minjing1', DEMO_PASSWORD)
        await expectPath(op, '/')
        await op.locator('.side-menu .el-menu-item', { hasText: '本所警情看板' }).click()
        await expectPath(op, '/incidents/board')
        await expectVisible(op.locator('[data-test="board-refreshed"]', { hasText: '上次 ' }), 'the board loaded')
        await op.evaluate(() => {
          window.__boardNotReloaded = true
        })

        await login(page, 'jiejing', DEMO_PASSWORD)
        await expectPath(page, '/')
        await registerCall(page)
        await dispatchToChengguan(page)

        const card = op.locator(`[data-test="board-card-${shared.no}"]`)
        try {
          await card.waitFor({ state: 'visible', timeout: WAIT_MS })
        } catch (e) {
          throw new Error(`the officer's board did not show ${shared.no} within ${WAIT_MS} ms`)
        }
        assert(await op.evaluate(() => window.__boardNotReloaded === true), 'the board page was reloaded')
        assert((await card.innerText()).includes(PLACE), 'the new card lacks the place')
        await card.click()
        await op.waitForURL((u) => /^\/incidents\/\d+$/.test(u.pathname), { timeout: WAIT_MS })
        await expectStatus(op, '已派警')
        await op.locator('[data-test="act-acknowledge"]').click()
        await expectStatus(op, '已签收')
        await op.locator('[data-test="act-arrive"]').click()
        await expectStatus(op, '已到场')
        await expectVisible(op.locator('[data-test="event-arrive"]', { hasText: '李明' }), 'the 到场 step with the officer')
        await feedbackToCase(op)
        if (officer.problems.length) throw new Error(`officer's browser: ${officer.problems.join('\n')}`)
      } finally {
        await officer.context.close().catch(() => {})
      }
    }
  },
  {
    name: 'the 督察 opens 督办 on the new call from the 督办 page; the task shows with 城关派出所 as the unit',
    async run({ page }) {
      assert(shared.no, 'the 110 scenario did not leave an incident number')
      await login(page, 'ducha', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '督办' }).click()
      await expectPath(page, '/oversight')
      await page.locator('[data-test="new-oversight"]').click()
      const dialog = page.locator('[data-test="oversight-dialog"]')
      await expectVisible(dialog, 'the 开启督办 dialog')
      await dialog.locator('[data-test="oversight-confirm"]').click()
      await expectVisible(dialog.locator('.el-form-item__error', { hasText: '请选择督办对象' }), 'the missing-object error')
      await dialog.locator('[data-test="oversight-object"]').click()
      await page.keyboard.type(shared.no)
      await pickOptionContaining(page, shared.no)
      await dialog.locator('textarea[name="instructions"]').fill('请于24小时内查明伤情并反馈处置结果')
      await dialog.locator('[data-test="oversight-confirm"]').click()
      await waitHidden(page, dialog, 'the 开启督办 dialog')
      const row = page.locator('[data-test="oversight-table"] .el-table__body tr', { hasText: '请于24小时内查明伤情' })
      await expectVisible(row.filter({ hasText: '城关派出所' }), 'the new 督办 task for 城关派出所')
    }
  },
  {
    name: 'the 警务动态日报 ranks the nine stations with charts and an Excel export',
    async run({ page }) {
      await login(page, 'ducha', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '警务动态日报' }).click()
      await expectPath(page, '/reports/daily')
      const rows = page.locator('[data-test="report-table"] .el-table__body tr')
      await expectVisible(rows.filter({ hasText: '城关派出所' }), 'the 城关派出所 row')
      const n = await rows.count()
      assert(n === 9, `expected the nine stations, found ${n} rows`)
      const first = await rows.first().innerText()
      assert(/^\s*1\b/.test(first), `the first row is not rank 1: ${first}`)
      await expectVisible(page.locator('[data-test="chart-score"] canvas'), 'the score chart')
      await expectVisible(page.locator('[data-test="chart-preventable"] canvas'), 'the 可防性案件 chart')
      const href = await page.locator('[data-test="report-xlsx"]').getAttribute('href')
      assert(/^\/api\/v1\/reports\/daily\.xlsx\?date=\d{4}-\d{2}-\d{2}$/.test(href || ''), `export link: ${href}`)
      const res = await page.request.get(href)
      assert(res.ok() && /spreadsheetml/.test(res.headers()['content-type'] || ''), `the export answered ${res.status()}`)
    }
  },
  {
    name: 'an officer on a phone finds a call in 警情列表 by its place and opens it from its card',
    async run({ page }) {
      await page.setViewportSize({ width: 390, height: 844 })
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/incidents')
      await page.locator('input[data-test="incident-search"]').fill('鑫源典当行')
      await page.getByRole('button', { name: '查询' }).click()
      const card = page.locator('[data-test="incident-card"]', { hasText: '鑫源典当行' }).first()
      await expectVisible(card, 'the call as a card')
      const no = (await card.locator('.mono').innerText()).trim()
      assert(/^JQ\d{13}$/.test(no), `the card shows the number ${no}`)
      const w = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(w <= 390, `警情列表 is ${w} px wide on a 390 px screen`)
      await card.click()
      await page.waitForURL(/\/incidents\/\d+$/, { timeout: WAIT_MS })
      await expectVisible(page.getByText(no).first(), 'the call opened from its card')
    }
  }
]
