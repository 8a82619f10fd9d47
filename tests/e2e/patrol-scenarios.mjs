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
  }
]
