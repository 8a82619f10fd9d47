// steps.mjs — the small steps the browser stories are made of (login, pick an option, wait).
import { WAIT_MS } from './harness.mjs'

export const DEMO_PASSWORD = 'Precinct-Demo-2026'

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A GB 11643 居民身份证 number with a valid check digit (ISO 7064 MOD 11-2) from its first 17 digits. */
export function validId(first17) {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * ID_WEIGHTS[i]
  return first17 + '10X98765432'[s % 11]
}

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}

export async function expectVisible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: WAIT_MS })
  } catch (e) {
    throw new Error(`not visible within ${WAIT_MS} ms: ${what}`)
  }
}

export async function expectPath(page, pathname) {
  try {
    await page.waitForURL((u) => u.pathname === pathname, { timeout: WAIT_MS })
  } catch (e) {
    throw new Error(`expected to be on ${pathname}, still on ${new URL(page.url()).pathname}`)
  }
}

export async function login(page, username, password) {
  await page.goto('/login')
  await expectVisible(page.getByRole('button', { name: '登录' }), 'the 登录 button')
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
}

/** Pick a visible option of the open el-select dropdown by its exact text. */
export async function pickOption(page, label) {
  const opt = page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
  await expectVisible(opt, `option ${label}`)
  await opt.first().click()
}

/** Pick a node of the open el-tree-select dropdown by its label. */
export async function pickTreeNode(page, label) {
  const node = page.locator('.el-tree-node__content:visible').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
  await expectVisible(node, `tree node ${label}`)
  await node.first().click()
}

export async function logoutViaMenu(page) {
  await page.locator('[data-test="user-menu"]').click()
  const item = page.locator('.el-dropdown-menu__item:visible').filter({ hasText: '退出登录' })
  await expectVisible(item, 'the 退出登录 menu item')
  await item.first().click()
  await expectPath(page, '/login')
}
