// team-scenarios.mjs — 队伍管理 in the browser (issue 18, part 1): an officer signs in for his duty
// shift; the chief approves a leave; the home cards of every demo role show numbers.
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'

// One account per demo role and unit level (as a11y-scenarios.mjs walks them).
const ACCOUNTS = ['admin', 'auditor', 'jiejing', 'ducha', 'juzhang', 'fazhidadui', 'suozhang', 'minjing1', 'fazhi', 'neiqin', 'fujing', 'dangan']

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 150

export const teamScenarios = [
  {
    name: 'an officer signs in for his duty shift on his phone; the mark shows',
    async run({ page }) {
      await page.setViewportSize({ width: 390, height: 844 })
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/duty')
      // the demo leaves 李明's current shift unsigned (src/seed/seed_team.c)
      const button = page.locator('[data-test="duty-table"] [data-test="duty-sign-in"]').first()
      await expectVisible(button, 'the 签到 button of his shift')
      await button.click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已签到' }), 'the 已签到 message')
      await expectVisible(page.locator('[data-test="duty-table"] [data-test="duty-sign-out"]'), 'the 签退 button after signing in')
      const w = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(w <= 390, `值班表 is ${w} px wide on a 390 px screen`)
    }
  },
  {
    name: 'the chief approves a pending leave on his phone; it shows approved, on the desk too',
    async run({ page }) {
      await page.setViewportSize({ width: 390, height: 844 })
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      // his 待办事项 first: each a card, a tap opens where it is done
      await page.goto('/team/todos')
      await expectVisible(page.locator('[data-test="todo-card"]').first(), 'the 待办 as cards')
      const tw = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(tw <= 390, `待办事项 is ${tw} px wide on a 390 px screen`)
      await page.goto('/team/leaves')
      // 刘强's pending 事假 of the demo, a card with 批准 / 不批准 across its foot
      const card = page.locator('[data-test="leave-card"]', { hasText: '待审批' }).filter({ hasText: '刘强' }).first()
      await expectVisible(card.locator('[data-test="leave-approve"]'), 'the 批准 button of 刘强 leave')
      const w = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(w <= 390, `请假销假 is ${w} px wide on a 390 px screen`)
      await card.locator('[data-test="leave-approve"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已批准' }), 'the 已批准 message')
      await expectVisible(page.locator('[data-test="leave-card"]', { hasText: '已批准' }).filter({ hasText: '刘强' }), 'the approved card')
      await page.setViewportSize({ width: 1366, height: 820 })
      await expectVisible(page.locator('[data-test="leaves-table"] .el-table__row', { hasText: '已批准' }).filter({ hasText: '刘强' }), 'the approved row')
    }
  },
  {
    name: 'every home card of every demo role shows its figure',
    async run({ page }) {
      const bad = []
      for (const user of ACCOUNTS) {
        await login(page, user, DEMO_PASSWORD)
        await expectPath(page, '/')
        await expectVisible(page.locator('[data-test="welcome"]'), 'the welcome line')
        const cards = page.locator('.stat-card')
        const n = await cards.count()
        // wait for the figures to load: no card still shows …
        await page.waitForFunction(() => ![...document.querySelectorAll('.stat-value')].some((e) => e.textContent.trim() === '…'), null, { timeout: 10000 }).catch(() => {})
        for (let i = 0; i < n; i++) {
          const title = (await cards.nth(i).locator('.stat-title').innerText()).trim()
          const value = (await cards.nth(i).locator('.stat-value').innerText()).trim()
          // a figure (some cards show a few, or the leading station's name): never empty, 加载失败 (—) or loading
          if (!value || value === '—' || value === '…') bad.push(`${user} ${title}: ${value || 'empty'}`)
          if (['待办事项', '民警在岗', '今日值班'].includes(title) && !/^\d+$/.test(value)) bad.push(`${user} ${title}: ${value}`)
          if (/建设中/.test(title)) bad.push(`${user} placeholder card ${title}`)
        }
        if (['suozhang', 'minjing1', 'neiqin'].includes(user)) {
          for (const t of ['待办事项', '民警在岗', '今日值班']) {
            if (!(await page.locator('.stat-title', { hasText: t }).count())) bad.push(`${user} lacks the ${t} card`)
          }
        }
        await page.context().clearCookies()
      }
      assert(bad.length === 0, `home cards without their figure: ${bad.join('; ')}`)
    }
  }
]
