// community-scenarios.mjs — 社区警务 on a phone (issue 16): a beat officer (minjing3, 东街一区) logs
// in at 390×844, opens the drawer menu, goes to 今日工作, records a household visit and a key-person
// contact, then opens a sweep from 今日工作 and its 登记结果 dialog, and finds 登记走访 and the key
// persons as cards within the screen. Screenshots of the drawer and of the today page are kept as artefacts
// ($PRECINCT_E2E_ARTIFACTS, default <tmp>/precinct-e2e-artifacts) and checked for drawn content: the
// PNG is decoded by the browser itself and must hold many colours and a fair share of non-white pixels.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu, pickOption } from './steps.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 820 }
const ARTIFACTS = process.env.PRECINCT_E2E_ARTIFACTS || path.join(os.tmpdir(), 'precinct-e2e-artifacts')

/** Save a screenshot as an artefact and check that it shows something drawn. */
async function keepShot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `community-${name}.png`)
  // no Vue transition running (a tag zooming in, the drawer sliding): shoot what stays on screen
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'), null, {
    timeout: WAIT_MS
  })
  const buf = await page.screenshot({ path: file, fullPage: false })
  const stats = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const g = c.getContext('2d')
    g.drawImage(img, 0, 0)
    const d = g.getImageData(0, 0, c.width, c.height).data
    const colours = new Set()
    let ink = 0
    for (let i = 0; i < d.length; i += 4) {
      colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4))
      if (d[i] + d[i + 1] + d[i + 2] < 690) ink++
    }
    return { w: c.width, h: c.height, colours: colours.size, ink: ink / (d.length / 4) }
  }, buf.toString('base64'))
  assert(stats.w === PHONE.width, `${name}: screenshot is ${stats.w} px wide, expected ${PHONE.width}`)
  assert(stats.colours >= 12, `${name}: only ${stats.colours} colours drawn (${file})`)
  assert(stats.ink > 0.03, `${name}: only ${(stats.ink * 100).toFixed(1)} % of the screen drawn (${file})`)
  return file
}

/** The element lies within the phone's width (a large button in reach, not off-screen). */
async function inView(page, loc, what) {
  const box = await loc.boundingBox()
  assert(box, `${what} has no box`)
  assert(box.x >= 0 && box.x + box.width <= PHONE.width, `${what} spans ${box.x}–${box.x + box.width} px on a ${PHONE.width} px screen`)
  assert(box.height >= 32, `${what} is ${box.height} px high, too small to tap`)
}

/** The page does not scroll sideways on the phone. */
async function noSideScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert(width <= PHONE.width, `${what} is ${width} px wide on a ${PHONE.width} px screen`)
}

async function countOf(page, sel) {
  await page.waitForFunction((s) => document.querySelectorAll(s).length > 0, sel, { timeout: WAIT_MS })
  return page.locator(sel).count()
}

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/key-persons', page: (id) => `/community/key-persons/${id}` }
]

export const groupRank = 80

export const communityScenarios = [
  {
    name: 'a beat officer on a phone opens the drawer menu, records a household visit and a key-person contact',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing3', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the phone shell: no fixed side menu, a drawer behind the header button
      assert((await page.locator('.app-aside').count()) === 0, 'the fixed side menu is shown on a phone')
      await page.locator('[data-test="drawer-toggle"]').click()
      const drawer = page.locator('.menu-drawer .side-menu')
      await expectVisible(drawer, 'the drawer menu')
      await keepShot(page, 'drawer')
      await drawer.locator('.el-menu-item', { hasText: '今日工作' }).click()
      await expectPath(page, '/community/today')
      await page.waitForFunction(() => !document.querySelector('.menu-drawer .side-menu') || !document.querySelector('.menu-drawer .side-menu').offsetParent, null, { timeout: WAIT_MS })
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `今日工作 is ${width} px wide on a ${PHONE.width} px screen`)

      // a household visit from the list of households never visited
      const household = page.locator('[data-test="today-household"]').first()
      await expectVisible(household, 'a household to visit')
      const addr = (await household.locator('.t-main').innerText()).trim()
      await household.click()
      await page.locator('textarea[data-test="visit-learnt"]').fill('户主在家，家庭成员与登记一致，已告知社区民警联系电话。')
      await page.locator('[data-test="visit-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '走访已保存' }), 'the 走访已保存 message')
      await page.waitForFunction(
        (a) => ![...document.querySelectorAll('[data-test="today-household"] .t-main')].some((e) => e.textContent.trim() === a),
        addr,
        { timeout: WAIT_MS }
      )

      // a key-person contact: the person leaves the list (next contact a cycle away)
      const before = await countOf(page, '[data-test="today-contact"]')
      const contact = page.locator('[data-test="today-contact"]').first()
      const who = (await contact.locator('.t-main').innerText()).trim()
      await contact.click()
      await expectVisible(page.locator('[data-test="contact-form"]'), 'the contact form')
      await page.locator('textarea[data-test="contact-findings"]').fill('在家见面，近期在附近打零工，无异常。')
      await page.locator('[data-test="contact-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '见面记录已保存' }), 'the 见面记录已保存 message')
      await page.waitForFunction((n) => document.querySelectorAll('[data-test="today-contact"]').length === n - 1, before, {
        timeout: WAIT_MS
      })
      assert(!(await page.locator('[data-test="today-contact"] .t-main', { hasText: who }).count()), `${who} is still due after the contact`)
      await keepShot(page, 'today')

      // 漏登漏管 on the phone: the sweep opens from 今日工作, its addresses are cards and 登记结果 a
      // button within the 390 px (it sat in a table's third column past 310 px)
      const sweepLink = page.locator('[data-test="today-sweep"]').first()
      await expectVisible(sweepLink, 'a sweep in progress on 今日工作')
      await sweepLink.click()
      await expectPath(page, '/community/sweeps')
      const findingBtn = page.locator('[data-test="sweep-item"] [data-test="sweep-finding"]').first()
      await expectVisible(findingBtn, 'the 登记结果 button of an address not yet swept')
      await findingBtn.scrollIntoViewIfNeeded()
      await inView(page, findingBtn, '登记结果')
      await noSideScroll(page, '漏登漏管排查')
      await findingBtn.click()
      const dialog = page.getByRole('dialog').filter({ hasText: '登记排查结果' })
      await expectVisible(dialog, 'the 登记排查结果 dialog')
      await inView(page, dialog.getByRole('button', { name: '保存' }), 'the dialog\'s 保存')
      await dialog.getByRole('button', { name: '取消' }).click()
      await page.waitForFunction(() => ![...document.querySelectorAll('.el-dialog')].some((d) => d.offsetParent), null, { timeout: WAIT_MS })

      // 熟悉住户 on the phone: each household never visited is a card whose 登记走访 is in view
      await page.goto('/community/visits')
      const visitBtn = page.locator('[data-test="visits-never"] [data-test="visit-open"]').first()
      await expectVisible(visitBtn, 'the 登记走访 button of a household never visited')
      await inView(page, visitBtn, '登记走访')
      await noSideScroll(page, '熟悉住户')
      await visitBtn.click()
      await expectVisible(page.locator('textarea[data-test="visit-learnt"]'), 'the visit form')

      // 重点人员 on the phone: the list is cards that open the person's page
      await page.goto('/community/key-persons')
      const kpCard = page.locator('[data-test="kp-table"] [data-test="kp-link"]').first()
      await expectVisible(kpCard, 'a key person card')
      await inView(page, kpCard, 'a key person card')
      await noSideScroll(page, '重点人员')
    }
  },
  {
    name: 'the chief puts a beat under a 警务室; the bureau chief names a 包片领导 of the station',
    async run({ page }) {
      await page.setViewportSize(DESKTOP)
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/community/beats')
      // 东街二区 (东街社区警务室 in the demo) moves to 西街社区警务室, then back
      for (const post of ['西街社区警务室', '东街社区警务室']) {
        const row = page.locator('[data-test="beats-table"] .el-table__row', { hasText: '东街二区' })
        await expectVisible(row, 'the beat 东街二区')
        await row.locator('[data-test="beat-edit"]').click()
        await page.locator('[data-test="beat-post"]').click()
        await pickOption(page, post)
        await page.getByRole('dialog').filter({ hasText: '编辑责任区' }).getByRole('button', { name: '保存' }).click()
        await expectVisible(page.locator('.el-message--success', { hasText: '责任区已修改' }).last(), 'the 责任区已修改 message')
        await expectVisible(
          page.locator('[data-test="beats-table"] .el-table__row', { hasText: '东街二区' }).filter({ hasText: `城关派出所 · ${post}` }),
          `东街二区 under ${post}`
        )
      }
      await logoutViaMenu(page)

      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/community/beats')
      await page.locator('[data-test="leader-new"]').click()
      await page.locator('[data-test="leader-station"]').click()
      await pickOption(page, '城关派出所')
      await page.locator('[data-test="leader-user"]').click()
      await pickOption(page, '高建军（.*）')
      await page.locator('[data-test="leader-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已指定包片领导' }), 'the 已指定包片领导 message')
      await expectVisible(page.locator('[data-test="leaders"]', { hasText: '城关派出所：高建军' }), 'the leader listed')
      // 撤销: the day (today) and the reason; the history keeps it
      await page.locator('[data-test="leaders"] .leader', { hasText: '城关派出所：高建军' }).locator('[data-test="leader-end"]').click()
      const endDialog = page.getByRole('dialog').filter({ hasText: '撤销包片领导' })
      await expectVisible(endDialog, 'the 撤销包片领导 dialog')
      await endDialog.locator('input[data-test="leader-end-reason"]').fill('工作分工调整')
      await endDialog.locator('[data-test="leader-end-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已撤销包片领导' }), 'the 已撤销包片领导 message')
      await page.locator('[data-test="leader-history"]').click()
      await expectVisible(page.locator('[data-test="leaders"] .leader.ended', { hasText: '工作分工调整' }), 'the ended assignment in the history')
    }
  }
]
