// scenarios.mjs — the stories the browser tests tell, in the Chinese UI a user sees.
import fs from 'node:fs'
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu, pickOption, pickTreeNode } from './steps.mjs'
import { a11yScenarios } from './a11y-scenarios.mjs'
import { storyFiles } from './story-files.mjs'

const mainScenarios = [
  {
    name: 'officer logs in, sees the officer home page in Chinese, logs out',
    async run({ page }) {
      await page.goto('/')
      await expectPath(page, '/login')
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      const welcome = page.locator('[data-test="welcome"]')
      await expectVisible(welcome, 'the welcome line')
      const text = await welcome.innerText()
      assert(text.includes('民警'), `welcome line lacks 民警: ${text}`)
      assert(text.includes('城关派出所'), `welcome line lacks 城关派出所: ${text}`)
      await expectVisible(page.locator('.stat-title', { hasText: '我的案件' }), 'the 我的案件 card')
      await expectVisible(page.locator('.brand-title', { hasText: '派出所综合警务平台' }), 'the title bar')
      const menu = await page.locator('.side-menu').innerText()
      assert(!menu.includes('用户管理'), 'an officer must not see 用户管理 in the menu')
      await logoutViaMenu(page)
      await expectVisible(page.getByRole('button', { name: '登录' }), 'the login page')
      await page.goto('/')
      await expectPath(page, '/login')
    }
  },
  {
    name: 'admin creates a user who then appears in the user table',
    async run({ page }) {
      await login(page, 'admin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '用户管理' }).click()
      await expectPath(page, '/admin/users')
      const table = page.locator('[data-test="users-table"]')
      await expectVisible(table.locator('.el-table__body', { hasText: 'minjing1' }), 'the demo users in the table')
      await page.locator('[data-test="new-user"]').click()
      const dialog = page.locator('.el-dialog:visible', { hasText: '新建用户' })
      await expectVisible(dialog, 'the 新建用户 dialog')
      await dialog.locator('input[name="username"]').fill('zhangsan2026')
      await dialog.locator('input[name="name"]').fill('张三')
      await dialog.locator('[data-test="role-select"]').click()
      await pickOption(page, '民警')
      await dialog.locator('[data-test="unit-select"]').click()
      await pickTreeNode(page, '城关派出所')
      await dialog.locator('input[name="badge_no"]').fill('026026')
      await dialog.locator('input[name="password"]').fill('Zhangsan-2026!')
      await dialog.locator('[data-test="user-save"]').click()
      try {
        await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      } catch (e) {
        const msg = await page.locator('.el-form-item__error:visible, .el-message:visible').allInnerTexts()
        throw new Error(`the dialog did not close after 保存; shown: ${msg.join(' | ') || '(nothing)'}`)
      }
      // the list is paged (the demo has more users than one page): look the new user up by name
      await page.locator('.toolbar input[placeholder*="用户名"]').fill('zhangsan2026')
      await page.getByRole('button', { name: '查询' }).click()
      const row = table.locator('.el-table__body tr', { hasText: 'zhangsan2026' })
      await expectVisible(row, 'the new user zhangsan2026 in the table')
      const rowText = await row.first().innerText()
      assert(rowText.includes('张三'), `row lacks 张三: ${rowText}`)
      assert(rowText.includes('城关派出所'), `row lacks 城关派出所: ${rowText}`)
      assert(rowText.includes('民警'), `row lacks 民警: ${rowText}`)
    }
  },
  {
    name: 'a wrong password shows the Chinese error 用户名或密码错误',
    async run({ page }) {
      await login(page, 'minjing2', 'Wrong-Password-1')
      const err = page.locator('[data-test="login-error"]')
      await expectVisible(err, 'the login error')
      const text = await err.innerText()
      assert(text.includes('用户名或密码错误'), `unexpected error text: ${text}`)
      assert(new URL(page.url()).pathname === '/login', 'should stay on /login')
    }
  },
  {
    name: 'the new user must change the initial password before anything else',
    async run({ page }) {
      await login(page, 'zhangsan2026', 'Zhangsan-2026!')
      await expectPath(page, '/password')
      await page.goto('/admin/users')
      await expectPath(page, '/password')
      const form = page.locator('.pw-form')
      const inputs = form.locator('input[type="password"]')
      await inputs.nth(0).fill('Zhangsan-2026!')
      await inputs.nth(1).fill('Zhangsan-2026-New!')
      await inputs.nth(2).fill('Zhangsan-2026-New!')
      await form.getByRole('button', { name: '确认修改' }).click()
      // the server may keep the session (→ home) or end it (→ login with the new password)
      await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/login', { timeout: WAIT_MS })
      if (new URL(page.url()).pathname === '/login') {
        await login(page, 'zhangsan2026', 'Zhangsan-2026-New!')
        await expectPath(page, '/')
      }
      const welcome = page.locator('[data-test="welcome"]')
      await expectVisible(welcome, 'the welcome line')
      const text = await welcome.innerText()
      assert(text.includes('张三') && text.includes('民警'), `welcome line: ${text}`)
    }
  },
  {
    name: 'the auditor sees the user creation in the audit log',
    async run({ page }) {
      await login(page, 'auditor', DEMO_PASSWORD)
      await expectPath(page, '/')
      await expectVisible(page.locator('.stat-title', { hasText: '今日审计事件' }), 'the 今日审计事件 card')
      await page.locator('.side-menu .el-menu-item', { hasText: '审计日志' }).click()
      await expectPath(page, '/audit')
      const row = page.locator('.el-table__body tr', { hasText: 'zhangsan2026' })
      await expectVisible(row, 'an audit row naming zhangsan2026')
      await expectVisible(page.locator('.el-table__body .el-tag', { hasText: '成功' }), 'a 成功 outcome tag')
      // every action has a Chinese label: the user creation reads 新建用户, not user.create
      // (filtered to user.*: the new user's home page has read a page of rows since)
      await page.locator('input[placeholder="操作，如 user.* 或 login.failure"]').fill('user.*')
      await page.getByRole('button', { name: '查询' }).click()
      await expectVisible(page.locator('.el-table__body tr', { hasText: '新建用户' }), 'the 新建用户 label')
      // who touched this account: the record's number (here the user's name), every row of it and
      // no other (the list asks the chains' object index)
      await page.locator('input[placeholder="操作，如 user.* 或 login.failure"]').fill('')
      await page.locator('input[placeholder="对象编号"]').fill('zhangsan2026')
      await page.getByRole('button', { name: '查询' }).click()
      await expectVisible(page.locator('.el-table__body tr', { hasText: '#zhangsan2026' }).first(), 'a row of object zhangsan2026')
      const objectRows = await page.locator('.el-table__body tr').allInnerTexts()
      assert(objectRows.length > 0 && objectRows.every((t) => t.includes('#zhangsan2026')), `rows of another object: ${objectRows.join(' | ')}`)
      assert(objectRows.some((t) => t.includes('新建用户')), `no 新建用户 row for zhangsan2026: ${objectRows.join(' | ')}`)
      await page.locator('input[placeholder="对象编号"]').fill('')
      // 校验审计链: the server walks the whole chain and the page says it is intact
      await page.locator('[data-test="audit-verify"]').click()
      const result = page.locator('[data-test="audit-verify-result"]')
      await expectVisible(result, 'the chain check result')
      const text = await result.innerText()
      assert(/审计链完整：已校验 \d+ 条记录/.test(text), `unexpected chain check result: ${text}`)
      // 导出 (issue 13): today's rows with the chain proof, downloaded as JSON lines
      await page.locator('[data-test="audit-export"]').click()
      const dialog = page.locator('.el-dialog', { hasText: '导出审计日志' })
      await expectVisible(dialog, 'the export dialog')
      await dialog.locator('input[placeholder="开始日期"]').click()
      const todayCell = page.locator('.el-picker-panel:visible td.today').first()
      await todayCell.click()
      await todayCell.click()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-test="audit-export-go"]').click()
      ])
      const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
      assert(download.suggestedFilename() === `audit-${today}-${today}.jsonl`, `download name: ${download.suggestedFilename()}`)
      const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
      assert(lines[0].format === 'precinct-audit-export' && /^[0-9a-f]{64}$/.test(lines[0].anchor_hash), `export header: ${JSON.stringify(lines[0])}`)
      assert(lines.at(-1).end === true && lines.at(-1).rows === lines.length - 2, `export trailer: ${JSON.stringify(lines.at(-1))}`)
      assert(lines.some((l) => l.action === 'user.create'), 'the export holds the user creation')
    }
  }
]

// The stories, one group per file, in the order they run. A group's stories may build on
// each other (same database), so a group runs whole in one shard; the a11y walks (last:
// they look at what the stories left) are independent and spread one by one.
// The groups: the stories of this file first, then every tests/e2e/*-scenarios.mjs in its
// groupRank order (story-files.mjs) — a new file is a new group, no edit here.
const groups = [mainScenarios, ...storyFiles.map((f) => f.stories)]

export const scenarios = [...groups.flat(), ...a11yScenarios]

/* The stories of shard k (0-based) of n, each with its index in `scenarios`: the story
   groups round robin, then the a11y walks round robin. One shard per ctest program, each
   with its own server and database, so the two cores both work. */
export function shardScenarios(k, n) {
  const out = []
  let index = 0
  groups.forEach((g, gi) => {
    for (const sc of g) out.push({ sc, index: index++, mine: gi % n === k })
  })
  a11yScenarios.forEach((sc, i) => out.push({ sc, index: index++, mine: i % n === k }))
  return out.filter((x) => x.mine)
}
