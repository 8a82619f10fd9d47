// upgrade-scenarios.mjs — what the station's browser tab lives through on the server's side: while
// the server cannot save (a database that does not answer, a failed sync …) the home page says so;
// and the tab outlives an upgrade. The tab runs the old
// build; the server now has the new one, and none of the old build's page files (each named by
// its hash). The officer clicks a page not opened yet: it opens — loaded whole from the new
// build — instead of the click doing nothing.
import { assert, expectPath, expectVisible, login, DEMO_PASSWORD } from './steps.mjs'

export const upgradeScenarios = [
  {
    name: 'while the server cannot save, the home page says so in its words before anyone fills a form',
    async run({ page }) {
      // the server's answer while a lost standby holds its writes (api_pg_replica proves the
      // server gives it; here the page that must show it)
      const message = '数据库已 21 秒未确认写入，写入已暂停，本次操作未保存：请稍后重试（系统管理员须检查数据库）'
      await page.route('**/api/v1/health', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'WRITES_HELD', message, request_id: 'e2e' } })
        })
      )
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      const banner = page.locator('[data-test="writes-stopped"]')
      await expectVisible(banner, 'the banner that saving is impossible')
      const text = await banner.innerText()
      assert(text.includes('系统暂时无法保存数据，请勿录入'), `the banner says: ${text}`)
      assert(text.includes(message), `the banner lacks the server's words: ${text}`)
      // and when the server writes again, nothing is shown
      await page.unroute('**/api/v1/health')
      const health = page.waitForResponse((r) => r.url().endsWith('/api/v1/health'), { timeout: 15000 })
      await page.reload()
      assert((await health).status() === 200, 'the server itself answers /health 200')
      await expectVisible(page.locator('[data-test="welcome"]'), 'the home page')
      assert((await banner.count()) === 0, 'the banner stays while the server writes')
    }
  },
  {
    name: 'after an upgrade, a page of the old build not opened yet still opens (loaded whole, once)',
    async run({ page }) {
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await expectVisible(page.locator('[data-test="welcome"]'), 'the home page')
      // the upgrade: every script the tab has not loaded yet is gone from the server (404), until
      // the tab loads a page whole (the new build's index names new files; here the same ones)
      const loaded = new Set(
        await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
      )
      const refused = []
      const documents = []
      page.on('request', (r) => {
        if (r.isNavigationRequest() && r.frame() === page.mainFrame()) documents.push(r.url())
      })
      await page.route(/\/assets\/.*\.js$/, (route) => {
        const p = new URL(route.request().url()).pathname
        if (documents.length || loaded.has(p)) return route.continue()
        refused.push(p)
        return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })
      })
      await page.locator('.side-menu .el-menu-item', { hasText: '案件列表' }).first().click()
      await expectPath(page, '/cases')
      await expectVisible(page.locator('.el-table'), 'the case list of the new build')
      assert(refused.length > 0, 'no script of the page was refused: the story did not take place')
      assert(documents.length === 1, `the page was loaded whole ${documents.length} times, not once`)
    }
  }
]
