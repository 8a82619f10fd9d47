// leadership-scenarios.mjs — 警务动态日报, 阅示 and 领导交办 in the browser (issue 17): the 局长 reads a
// frozen past day with its 更正 and the 口径 of each indicator; writes a 阅示 that goes to the
// stations as tasks; the 所长 signs his station's task.
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

const dayAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10)

/** Pixels of a chart's canvas that are drawn (not transparent, not white): the chart has content. */
async function drawnPixels(page, test) {
  return page.evaluate((t) => {
    const c = document.querySelector(`[data-test="${t}"] canvas`)
    if (!c) return 0
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240)) n++
    return n
  }, test)
}

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/meetings', page: (id) => `/print/meetings/${id}` },
  { list: '/leader-tasks', page: (id) => `/leader-tasks/${id}` }
]

export const groupRank = 140

export const leadershipScenarios = [
  {
    name: 'a station chief opens the morning 研判: the charts draw, the note is saved',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '研判' }).click()
      await expectPath(page, '/analysis')
      await expectVisible(page.locator('[data-test="analysis-rule"]', { hasText: '标准差' }), 'the rule of what stands out')
      await expectVisible(page.locator('[data-test="chart-types"] canvas'), 'the type chart')
      await expectVisible(page.locator('[data-test="chart-hours"] canvas'), 'the hour chart')
      let n = 0
      for (let i = 0; i < 40 && n < 500; i++) {
        n = await drawnPixels(page, 'chart-types')
        if (n < 500) await page.waitForTimeout(100)
      }
      assert(n >= 500, `the type chart drew only ${n} pixels`)
      const shot = await page.locator('[data-test="chart-types"]').screenshot()
      assert(shot.length > 5000, `the chart screenshot is ${shot.length} bytes`)
      const text = `研判：北街菜市场盗窃 ${Date.now() % 100000}`
      await page.locator('textarea[data-test="analysis-note"], [data-test="analysis-note"] textarea').first().fill(text)
      await page.locator('[data-test="analysis-note-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '研判意见已保存' }), 'the saved message')
      await expectVisible(page.locator('[data-test="analysis-note-by"]', { hasText: '王建华' }), 'the note signed by the chief')
    }
  },
  {
    name: 'the 局长 reads a frozen past day of the 警务动态日报 with its 更正 and the 口径',
    async run({ page }) {
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the demo froze the last six days and re-classified a call of two days ago (seed_leadership.c)
      await page.goto(`/reports/daily?date=${dayAgo(2)}`)
      await expectVisible(page.locator('[data-test="report-state"]', { hasText: '封存' }), 'the frozen state')
      await expectVisible(page.locator('[data-test="report-corrections"]'), 'the 更正 notice')
      await expectVisible(page.locator('[data-test="report-corrected"]').first(), 'a corrected score beside the frozen one')
      await expectVisible(page.locator('[data-test="report-definitions"]', { hasText: '破案数' }), 'the 口径 of 破案数')
      const n = await page.locator('[data-test="report-table"] .el-table__body tr').count()
      assert(n === 9, `expected the nine stations, found ${n} rows`)
      await expectVisible(page.locator('[data-test="chart-score"] canvas'), 'the score chart')
    }
  },
  {
    name: 'the 局长 writes a 阅示; it reaches 城关 as a task and the 所长 signs it',
    async run({ page }) {
      const text = `阅示：今晚各所加强巡逻 ${Date.now() % 100000}`
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '日报上报与阅示' }).click()
      await expectPath(page, '/daily-submissions')
      await page.locator('textarea[data-test="instr-text"], [data-test="instr-text"] textarea').first().fill(text)
      await page.locator('[data-test="instr-send"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已下发' }), 'the 已下发 message')
      await expectVisible(page.locator('[data-test="subs-instruction"]', { hasText: text }), 'the 阅示 on the page')
      await logoutViaMenu(page)

      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/leader-tasks')
      const link = page.locator('[data-test="tasks-table"] .el-table__body a, [data-test="tasks-table"] .el-table__body .el-link', { hasText: text }).first()
      await expectVisible(link, 'the task at 城关')
      await link.click()
      await expectVisible(page.locator('[data-test="task-sign"]'), 'the 签收 button')
      await page.locator('[data-test="task-sign"]').click()
      await expectVisible(page.locator('[data-test="task-status"]', { hasText: '办理中' }), 'the task signed')
    }
  },
  {
    name: 'the 局长 opens the 调度分析会: the earlier decisions and tasks with their follow-up come first',
    async run({ page }) {
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '调度分析会' }).click()
      await expectPath(page, '/meetings')
      // the demo's two meetings (seed_leadership.c): the newest follows up the first
      await expectVisible(page.locator('[data-test="meeting-prev-decisions"]', { hasText: '已落实' }), 'the follow-up of the earlier decision')
      await expectVisible(page.locator('[data-test="meeting-prev-tasks"]', { hasText: '已办结' }), 'the earlier task done')
      const n = await page.locator('[data-test="meeting-stations"] .el-table__body tr').count()
      assert(n === 9, `the snapshot lists ${n} stations, expected 9`)
    }
  },
  {
    name: 'a station chief assigns a 领导交办 task to one of his officers (the deadline picker round trip)',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/leader-tasks')
      await page.locator('[data-test="task-new"]').click()
      const who = page.locator('[data-test="task-assignee"]')
      await expectVisible(who, 'the 承办民警 picker')
      await who.click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '李明' }).first().click()
      await page.locator('textarea[data-test="task-content"]').fill('核查东街出租屋登记情况（交办到人）')
      const day = dayAgo(-3)
      const picker = page.locator('input[aria-label="办理期限"]')
      await picker.fill(day)
      await picker.press('Enter')
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/leader-tasks'))
      await page.locator('[data-test="task-save"]').click()
      const body = JSON.parse((await sent).postData())
      assert(body.assignee_id > 0, `no officer sent: ${JSON.stringify(body)}`)
      assert(body.deadline === Date.parse(`${day}T00:00:00+08:00`) / 1000 + 86400, `the deadline sent is ${body.deadline}, not the end of ${day}`)
      const row = page.locator('[data-test="tasks-table"] .el-table__body tr', { hasText: '交办到人' })
      await expectVisible(row.getByText('李明'), 'the task with its officer in the list')
    }
  },
  {
    name: 'the 局长 opens the printable 调度分析会 record and exports it as a workbook',
    async run({ page }) {
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/meetings')
      await expectVisible(page.locator('[data-test="meeting-detail"]'), 'a meeting')
      await page.locator('[data-test="meeting-print"]').click()
      await page.waitForURL((u) => /^\/print\/meetings\/\d+$/.test(u.pathname))
      const sheet = page.locator('[data-test="meeting-sheet"]')
      await expectVisible(sheet.getByText('上次会议'), 'the earlier meeting\'s follow-up first')
      const rows = await sheet.locator('table').nth(2).locator('tbody tr').count()
      assert(rows === 9, `the printed figures list ${rows} stations, expected 9`)
      const saved = page.waitForEvent('download')
      await page.locator('[data-test="meeting-print-xlsx"]').click()
      const file = await saved
      assert(/\.xlsx$/.test(file.suggestedFilename()), `the download is ${file.suggestedFilename()}`)
    }
  },
  {
    name: 'the 研判 date picker sends the chosen day and the page shows it (with the grid table)',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/analysis')
      await expectVisible(page.locator('[data-test="analysis-grids"]'), 'the 网格 table')
      const day = dayAgo(9)
      const [y, m, d] = day.split('-')
      const asked = page.waitForRequest((r) => r.url().includes('/api/v1/analysis/morning') && r.url().includes(`date=${day}`))
      const picker = page.locator('input[aria-label="研判日期"]')
      await picker.fill(day)
      await picker.press('Enter')
      await asked
      await expectVisible(page.locator('[data-test="analysis-rule"]', { hasText: `${y}年${Number(m)}月${Number(d)}日` }), `the page on ${day}`)
    }
  }
]
