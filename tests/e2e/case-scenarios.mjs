// case-scenarios.mjs — 执法办案 in the browser: an officer registers a 殴打他人 case with a co-officer,
// adds a suspect, records and signs an interview with both officers present, files the case; the
// chief finds it in the case list; the 受案回执 and 询问笔录 print views carry the case number.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, validId } from './steps.mjs'

const SUSPECT_ID = validId('11010519900307123') // → 110105199003071239
const shared = { caseId: null, caseNo: '' }

/** Click the option of the open el-select dropdown whose text contains `text`. */
async function pickOptionContaining(page, text) {
  const opt = page.locator('.el-select-dropdown__item:visible', { hasText: text })
  await expectVisible(opt, `option containing ${text}`)
  await opt.first().click()
}

async function openTab(page, label) {
  await page.locator('.el-tabs__item', { hasText: label }).first().click()
}

async function waitHidden(page, dialog, what) {
  try {
    await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
  } catch (e) {
    const msg = await page.locator('[data-test="rule-alert"]:visible, .el-form-item__error:visible, .el-message:visible').allInnerTexts()
    throw new Error(`${what} did not close; shown: ${msg.join(' | ') || '(nothing)'}`)
  }
}

async function openCaseAs(page, user, path) {
  await login(page, user, DEMO_PASSWORD)
  await expectPath(page, '/')
  await page.goto(path)
}

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/cases?per_page=1', page: (id) => `/cases/${id}` },
  { list: '/cases?per_page=1', page: (id) => `/print/${id}/accept_form` }
]

export const groupRank = 10

export const caseScenarios = [
  {
    name: 'an officer registers a 殴打他人 case, adds a suspect, signs an interview with the co-officer, files it',
    async run({ page }) {
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '受案登记' }).click()
      await expectPath(page, '/cases/new')

      const form = page.locator('[data-test="case-form"]')
      await form.locator('[data-test="offence-select"]').click()
      await form.locator('[data-test="offence-select"] input').fill('殴打他人')
      await pickOptionContaining(page, 'OF-052')
      const title = await form.locator('input[name="title"]').inputValue()
      assert(title.includes('殴打他人'), `the case title was not filled from the offence: ${title}`)
      await form.locator('textarea[name="summary"]').fill('报案人王五称，当日在城关镇东街被赵六用拳头殴打面部。')
      await form.locator('input[name="act_place"]').fill('城关镇东街')
      await form.locator('[data-test="co-officer"]').click()
      await pickOptionContaining(page, '张伟')
      await form.locator('input[name="reporter_name"]').fill('王五')
      await form.locator('input[name="reporter_phone"]').fill('13900001234')
      await form.locator('[data-test="case-submit"]').click()
      try {
        await page.waitForURL((u) => /^\/cases\/\d+$/.test(u.pathname), { timeout: WAIT_MS })
      } catch (e) {
        const msg = await page.locator('[data-test="rule-alert"], .el-form-item__error:visible').allInnerTexts()
        throw new Error(`受案登记 did not open the case; shown: ${msg.join(' | ') || '(nothing)'}`)
      }
      shared.caseId = Number(new URL(page.url()).pathname.split('/').pop())
      await expectVisible(page.locator('[data-test="case-no"]'), 'the case number in the header')
      shared.caseNo = (await page.locator('[data-test="case-no"]').innerText()).trim()
      assert(/行〔\d{4}〕\d+号/.test(shared.caseNo), `unexpected case number: ${shared.caseNo}`)
      await expectVisible(page.locator('[data-test="created-alert"]'), 'the 受案登记成功 notice with print buttons')

      // the suspect, with a valid ID number: age at the act shown
      await openTab(page, '当事人')
      await page.locator('[data-test="add-party"]').click()
      const pd = page.locator('.el-dialog:visible', { hasText: '新增当事人' })
      await expectVisible(pd, 'the 新增当事人 dialog')
      await pd.locator('input[name="party_name"]').fill('赵六')
      await pd.locator('input[name="party_id_number"]').fill(SUSPECT_ID)
      await expectVisible(pd.locator('[data-test="age-preview"]', { hasText: '周岁' }), 'the age preview from the ID number')
      await pd.locator('[data-test="party-save"]').click()
      await waitHidden(page, pd, 'the 新增当事人 dialog')
      await expectVisible(page.locator('[data-test="parties-table"] .el-table__body tr', { hasText: '赵六' }), 'the suspect 赵六')

      // the interview: both case officers present (preselected), recording id, Q&A, signed
      await openTab(page, '笔录')
      await page.locator('[data-test="new-interview"]').click()
      const iv = page.locator('.el-dialog:visible', { hasText: '笔录' })
      await expectVisible(iv.locator('[data-test="qa-editor"]'), 'the interview dialog')
      const present = await iv.locator('[data-test="interview-officers"]').innerText()
      assert(present.includes('李明') && present.includes('张伟'), `officers present: ${present}`)
      // one officer only: the server refuses with ADM-OFFICERS-2, shown in the dialog by its Chinese
      // label from the catalog (the id in the tooltip)
      await iv.locator('[data-test="interview-officers"] .el-tag', { hasText: '张伟' }).locator('.el-tag__close').click()
      await iv.locator('[data-test="interview-save"]').click()
      const refusal = iv.locator('[data-test="rule-alert"]', { hasText: '询问不少于两名人民警察' })
        .filter({ has: page.locator('[data-rule="ADM-OFFICERS-2"]') })
      await expectVisible(refusal, 'the ADM-OFFICERS-2 refusal in the interview dialog')
      await iv.locator('[data-test="interview-officers"]').click()
      await pickOptionContaining(page, '张伟')
      await iv.locator('.el-dialog__title').click() // close the dropdown
      await iv.locator('input[name="recording_id"]').fill('AV-E2E-0001')
      await iv.locator('textarea[data-test="qa-a-0"]').fill('听清楚了。')
      await iv.locator('[data-test="qa-add"]').click()
      await iv.locator('textarea[data-test="qa-q-1"]').fill('请讲一下事情经过。')
      await iv.locator('textarea[data-test="qa-a-1"]').fill('我和王五发生口角，打了他一拳。')
      await iv.locator('[data-test="interview-sign"]').click()
      const box = page.locator('.el-message-box:visible')
      await expectVisible(box, 'the 签名确认 confirmation')
      await box.getByRole('button', { name: '确认签名' }).click()
      const hash = iv.locator('[data-test="content-hash"]')
      try {
        await hash.waitFor({ state: 'visible', timeout: WAIT_MS })
      } catch (e) {
        const msg = await page.locator('[data-test="rule-alert"]:visible, .el-message:visible').allInnerTexts()
        throw new Error(`the interview was not signed; shown: ${msg.join(' | ') || '(nothing)'}`)
      }
      const h = (await hash.innerText()).trim()
      assert(/^[0-9a-f]{64}$/.test(h), `content hash: ${h}`)
      await iv.locator('[data-test="interview-close"]').click()
      await expectVisible(page.locator('[data-test="interviews-table"] .el-tag', { hasText: '已签名' }), 'the signed interview')

      // 立案
      await page.locator('[data-test="action-file"]').click()
      const ad = page.locator('.el-dialog:visible', { hasText: '立案' })
      await expectVisible(ad, 'the 立案 dialog')
      await ad.locator('[data-test="action-confirm"]').click()
      await waitHidden(page, ad, 'the 立案 dialog')
      await expectVisible(page.locator('[data-test="case-status"]', { hasText: '已立案' }), 'the status 已立案')
      await openTab(page, '时间轴')
      await expectVisible(page.locator('[data-test="case-timeline"]', { hasText: '立案' }), 'the 立案 step in the timeline')
    }
  },
  {
    name: 'the chief sees the new case in 案件列表',
    async run({ page }) {
      assert(shared.caseNo, 'no case from the previous scenario')
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '案件列表' }).click()
      await expectPath(page, '/cases')
      await page.locator('input[data-test="case-search"]').fill(shared.caseNo)
      await page.getByRole('button', { name: '查询' }).click()
      const row = page.locator('[data-test="cases-table"] .el-table__body tr', { hasText: shared.caseNo })
      await expectVisible(row, `the case ${shared.caseNo} in the list`)
      const text = await row.first().innerText()
      assert(text.includes('已立案') && text.includes('李明'), `row: ${text}`)
      await row.first().click()
      await expectPath(page, `/cases/${shared.caseId}`)
    }
  },
  {
    name: 'the 受案回执 and 询问笔录 print views render with the case number',
    async run({ page }) {
      assert(shared.caseId, 'no case from the first scenario')
      await openCaseAs(page, 'minjing1', `/cases/${shared.caseId}?tab=documents`)
      await page.locator('[data-test="print-receipt"]').click()
      await page.waitForURL((u) => u.pathname === `/print/${shared.caseId}/receipt`, { timeout: WAIT_MS })
      const no = page.locator('[data-test="print-case-no"]')
      await expectVisible(no, 'the case number on the 受案回执')
      assert((await no.innerText()).trim() === shared.caseNo, 'the receipt shows another case number')
      const card = await page.locator('[data-test="supervision-card"]').innerText()
      // the supervision phone and the bureau's complaint phone come from the settings (demo: 0351-1234110, 12389)
      for (const s of ['执法监督卡', '/progress', '0351-1234110', '12389']) {
        assert(card.includes(s), `the 执法监督卡 lacks ${s}: ${card}`)
      }
      // the station's own phone (城关 0351-1230001) is where the receipt says to ask about the case
      const receipt = await page.locator('[data-test="sheet-receipt"]').innerText()
      assert(receipt.includes('0351-1230001'), `the 受案回执 lacks the station's phone: ${receipt}`)
      const code = (await page.locator('[data-test="print-receipt-code"]').innerText()).trim()
      assert(code.length >= 6, `receipt code: ${code}`)
      assert(!(await page.locator('.side-menu').count()), 'the print view must not show the menu')
      const docNo = (await page.locator('[data-test="doc-no"]').innerText()).trim()
      assert(docNo.includes('〔') && docNo.endsWith('号'), `document number: ${docNo}`)

      await page.getByRole('button', { name: '返回案件' }).click()
      await expectPath(page, `/cases/${shared.caseId}`)
      await page.locator('[data-test="print-interview_record"]').click()
      await page.waitForURL((u) => u.pathname === `/print/${shared.caseId}/interview_record`, { timeout: WAIT_MS })
      await expectVisible(page.locator('[data-test="print-case-no"]', { hasText: shared.caseNo }), 'the case number on the 询问笔录')
      const sheet = await page.locator('[data-test="sheet-interview_record"]').innerText()
      for (const s of ['询问笔录', '赵六', '李明', '张伟', '我和王五发生口角', 'AV-E2E-0001']) {
        assert(sheet.includes(s), `the 询问笔录 lacks ${s}`)
      }
      await expectVisible(page.locator('[data-test="print-hash"]'), 'the content hash of the signed record')

      // the receipt tells the reporter that the query needs the last four digits of their phone
      assert(card.includes('手机号码后四位'), `the 执法监督卡 does not mention the phone digits: ${card}`)
      // the public progress page answers the receipt code and the reporter's digits (13900001234) without a login
      await page.goto(`/progress?code=${encodeURIComponent(code)}`)
      await page.locator('input[name="phone_last4"]').fill('1234')
      await page.locator('[data-test="progress-query"]').click()
      const result = page.locator('[data-test="progress-result"]', { hasText: '城关派出所' })
      await expectVisible(result, 'the progress result')
      const shown = await result.innerText()
      assert(!shown.includes(shared.caseNo) && !shown.includes('王五') && !shown.includes('赵六'),
        `the public result shows more than the stage: ${shown}`)
      // wrong digits: one answer, nothing shown
      await page.locator('input[name="phone_last4"]').fill('0000')
      await page.locator('[data-test="progress-query"]').click()
      await expectVisible(page.locator('[data-test="progress-error"]', { hasText: '不正确' }), 'the refusal of wrong digits')
      // on a phone: both fields and the answer fit the screen, nothing scrolls sideways
      await page.setViewportSize({ width: 375, height: 740 })
      await page.goto(`/progress?code=${encodeURIComponent(code)}`)
      await page.locator('input[name="phone_last4"]').fill('1234')
      await page.locator('[data-test="progress-query"]').click()
      await expectVisible(page.locator('[data-test="progress-result"]', { hasText: '城关派出所' }), 'the progress result on a phone')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 0, `the progress page scrolls sideways on a phone by ${overflow}px`)
    }
  }
]
