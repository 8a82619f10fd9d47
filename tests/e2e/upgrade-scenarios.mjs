// upgrade-scenarios.mjs — the station's browser tab outlives an upgrade. The tab runs the old
// build; the server now has the new one, and none of the old build's page files (each named by
// its hash). The officer clicks a page not opened yet: it opens — loaded whole from the new
// build — instead of the click doing nothing.
import { assert, expectPath, expectVisible, login, DEMO_PASSWORD } from './steps.mjs'

export const upgradeScenarios = [
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
