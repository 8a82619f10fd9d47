// patrol-scenarios.mjs — 巡逻防控 (issue 17 part 1): the chief opens the patrol plan page, the heat map
// of the last weeks' incidents is drawn (a screenshot of the chart, decoded by the browser, must hold
// many colours and a fair share of ink: drawn content, not only a loaded page) and accepts the
// proposed slot of the demo's unpatrolled hot spot; a beat officer files a patrol log on a phone.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'

const PHONE = { width: 390, height: 844 }
const ARTIFACTS = process.env.PRECINCT_E2E_ARTIFACTS || path.join(os.tmpdir(), 'precinct-e2e-artifacts')

/** Screenshot an element as an artefact and measure what is drawn in it. */
async function drawn(page, locator, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `patrol-${name}.png`)
  const buf = await locator.screenshot({ path: file })
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
    return { colours: colours.size, ink: ink / (d.length / 4) }
  }, buf.toString('base64'))
  assert(stats.colours >= 12, `${name}: only ${stats.colours} colours drawn (${file})`)
  assert(stats.ink > 0.02, `${name}: only ${(stats.ink * 100).toFixed(1)} % of the chart drawn (${file})`)
  return stats
}

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 130

export const patrolScenarios = [
  {
    name: 'a chief opens the patrol plan: the heat map is drawn and the proposed hot-spot slot is accepted',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/patrol/plans')
      const heat = page.locator('[data-test="patrol-heat"]')
      await expectVisible(heat.locator('canvas'), 'the heat map canvas')
      const proposals = page.locator('[data-test="patrol-proposals"] .el-table__body tr')
      await expectVisible(proposals.first(), 'a proposed slot')
      assert((await proposals.first().innerText()).includes('西街'), 'the proposal is not the 西街 hot spot')
      // ECharts has painted its cells: red ink on the canvas
      await page.waitForFunction(
        () => {
          const c = document.querySelector('[data-test="patrol-heat"] canvas')
          if (!c || !c.width) return false
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
          for (let i = 0; i < d.length; i += 16) if (d[i] > 150 && d[i + 1] < 90 && d[i + 2] < 90) return true
          return false
        },
        null,
        { timeout: WAIT_MS }
      )
      await drawn(page, heat, 'heat')
      await page.locator('[data-test="proposal-accept"]').first().click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已加入巡逻计划' }), 'the 已加入巡逻计划 message')
      await expectVisible(page.locator('.el-empty', { hasText: '没有未覆盖的高发时段' }), 'no proposal left')
      await expectVisible(page.locator('[data-test="patrol-plan-list"] .el-tag', { hasText: '按警情增加' }), 'the accepted slot in its plan')
    }
  },
  {
    name: 'a beat officer files a patrol log on a phone',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/patrol/log')
      await expectVisible(page.locator('[data-test="patrol-log-page"]'), 'the patrol log form')
      await expectVisible(page.locator('[data-test="log-item"]').first(), 'the recent logs of the station (the form is loaded)')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `巡逻记录 is ${width} px wide on a ${PHONE.width} px screen`)
      const before = await page.locator('[data-test="log-item"]').count()
      await page.locator('textarea[data-test="log-findings"]').fill('东街菜市场周边秩序正常，提醒两家商户关好门窗。')
      await page.locator('[data-test="log-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '巡逻记录已保存' }), 'the 巡逻记录已保存 message')
      await page.waitForFunction((n) => document.querySelectorAll('[data-test="log-item"]').length > n || n >= 20, before, { timeout: WAIT_MS })
      await expectVisible(page.locator('[data-test="log-item"]', { hasText: '提醒两家商户' }).first(), 'the new log in the list')
    }
  },
  {
    name: 'the incident and the case a patrol arrest produced show the arrest (抓现行)',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      const ids = await page.evaluate(async () => {
        const r = await fetch('/api/v1/patrol-logs', { credentials: 'same-origin' })
        const d = await r.json()
        const all = (d.items || []).flatMap((l) => l.arrests || [])
        return { incident: (all.find((a) => a.incident_id) || {}).incident_id, kase: (all.find((a) => a.case_id) || {}).case_id }
      })
      assert(ids.incident && ids.kase, `the demo has no arrest linked to an incident and a case: ${JSON.stringify(ids)}`)
      await page.goto(`/incidents/${ids.incident}`)
      await expectVisible(page.locator('[data-test="patrol-arrests"] [data-test="patrol-arrest"]').first(), 'the arrest on the incident page')
      await page.goto(`/cases/${ids.kase}`)
      await expectVisible(page.locator('[data-test="patrol-arrests"] [data-test="patrol-arrest"]').first(), 'the arrest on the case page')
    }
  },
  {
    name: 'a chief enters a plan in force since a past day (the date round trip) and changes it: the old version is kept',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/patrol/plans')
      await expectVisible(page.locator('[data-test="patrol-plan-list"] .el-table__body tr').first(), 'the plans')
      // three days ago in Shanghai, as the picker would be typed
      const day = new Date(Date.now() + 8 * 3600e3 - 3 * 86400e3).toISOString().slice(0, 10)
      await page.locator('[data-test="plan-new"]').click()
      await page.getByLabel('计划名称', { exact: true }).fill('补录纸质计划')
      await page.getByLabel('路线', { exact: true }).fill('老街—车站')
      const picker = page.locator('input[aria-label="执行日期"]')
      await picker.fill(day)
      await picker.press('Enter')
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/patrol-plans'))
      await page.locator('.el-dialog__footer .el-button--primary', { hasText: '保存' }).first().click()
      const body = JSON.parse((await sent).postData())
      assert(body.effective_from === day, `the picker sent ${body.effective_from}, not ${day}`)
      const row = page.locator('[data-test="patrol-plan-list"] .el-table__body tr', { hasText: '补录纸质计划' })
      await expectVisible(row.getByText(`本版自 ${day} 00:00`), `the plan in force since ${day} 00:00`)
      await row.locator('[data-test="plan-edit"]').click()
      await page.getByLabel('修改计划名称').fill('补录纸质计划（调整）')
      await page.locator('[data-test="edit-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '原版本已保留' }), 'the 原版本已保留 message')
      const changed = page.locator('[data-test="patrol-plan-list"] .el-table__body tr', { hasText: '补录纸质计划（调整）' })
      await changed.locator('[data-test="plan-history"]').click()
      await expectVisible(page.locator('[data-test="plan-version"]', { hasText: `${day} 00:00` }).first(), 'the old version with its interval')
    }
  },
  {
    name: 'the administrator maps a 警情 category to its 案由 (警情类别与案由)',
    async run({ page }) {
      await login(page, 'admin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/admin/category-offences')
      const pick = page.locator('[data-test="offence-0211"]')
      await expectVisible(pick, 'the 0211 row')
      await pick.click()
      await page.keyboard.type('OF-002')
      await page.locator('.el-select-dropdown__item:visible', { hasText: 'OF-002' }).first().click()
      await page.locator('[data-test="offence-save-0211"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '案由已更新' }), 'the 案由已更新 message')
      const code = await page.evaluate(() =>
        fetch('/api/v1/incident-category-offences').then((r) => r.json()).then((d) => (d.items.find((x) => x.code === '0211') || {}).offence_code))
      assert(code === 'OF-002', `0211 maps to ${code}`)
    }
  }
]
