// mfa-scenarios.mjs — two-factor login (AUTH-5) and exports with a reason (PII-2), in the browser.
// The TOTP codes are computed here with node's crypto (RFC 6238: HMAC-SHA-256 of the 30-s step,
// dynamic truncation, 6 digits), apart from the server's C code.
import crypto from 'node:crypto'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function base32(text) {
  let bits = 0
  let acc = 0
  const out = []
  for (const ch of text.replace(/\s+/g, '').toUpperCase()) {
    const v = B32.indexOf(ch)
    if (v < 0) throw new Error(`not base32: ${ch}`)
    acc = (acc << 5) | v
    bits += 5
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

function totp(secret, step) {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(step))
  const mac = crypto.createHmac('sha256', base32(secret)).update(msg).digest()
  const off = mac[mac.length - 1] & 15
  const v = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3]
  return String(v % 1000000).padStart(6, '0')
}

const step = () => Math.floor(Date.now() / 1000 / 30)

// RFC 6238 Appendix B, SHA256 at T = 59 s: 46119246, so 119246 in six digits
assert(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA', 1) === '119246', 'own TOTP is wrong')

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 50

export const mfaScenarios = [
  {
    name: 'an officer enrols on 账号安全, keeps the recovery codes and logs in with a 动态验证码',
    async run({ page }) {
      await login(page, 'xihe_mj2', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '账号安全' }).click()
      await expectPath(page, '/security')
      await page.locator('[data-test="totp-start"]').click()
      const secretEl = page.locator('[data-test="totp-secret"]')
      await expectVisible(secretEl, 'the secret')
      const secret = (await secretEl.innerText()).replace(/\s+/g, '')
      assert(secret.length === 32, `secret: ${secret}`)
      await expectVisible(page.locator('[data-test="totp-qr"]'), 'the QR code')
      const qrSrc = await page.locator('[data-test="totp-qr"]').getAttribute('src')
      assert(qrSrc && qrSrc.startsWith('data:image/'), `QR image: ${qrSrc && qrSrc.slice(0, 40)}`)
      const uri = await page.locator('[data-test="totp-uri"]').innerText()
      assert(uri.includes('algorithm=SHA256') && uri.includes(`secret=${secret}`), `uri: ${uri}`)
      const used = step()
      await page.locator('[data-test="totp-confirm-code"]').fill(totp(secret, used))
      await page.locator('[data-test="totp-confirm"]').click()
      const codes = page.locator('[data-test="recovery-codes"] li')
      await expectVisible(codes, 'the recovery codes')
      assert((await codes.count()) === 10, 'ten recovery codes')
      await page.locator('[data-test="recovery-done"]').click()
      await expectPath(page, '/')
      await logoutViaMenu(page)

      // the password alone: the form asks for the code
      await login(page, 'xihe_mj2', DEMO_PASSWORD)
      const codeInput = page.locator('[data-test="login-totp"]')
      await expectVisible(codeInput, 'the 动态验证码 field')
      await expectVisible(page.locator('[data-test="login-error"]', { hasText: '动态验证码' }), 'the request for a code')
      // a code is accepted once: a step after the one that confirmed — still in the same 30-s step,
      // the next one's code (the server takes one step of clock drift either way) instead of
      // waiting up to 30 s for it
      await codeInput.fill(totp(secret, Math.max(used + 1, step())))
      await page.getByRole('button', { name: '登录' }).click()
      await expectPath(page, '/')
      await page.goto('/security')
      await expectVisible(page.locator('[data-test="totp-status"]', { hasText: '已启用' }), 'the 已启用 status')
    }
  },
  {
    name: 'a chief who must use two factors is sent to 账号安全 and works once enrolled',
    async run({ page, baseUrl }) {
      // the administrator requires two factors of chiefs (the demo requires none), over the API
      const api = async (method, path, body, sess) => {
        const headers = { 'Content-Type': 'application/json' }
        if (sess) Object.assign(headers, { Cookie: sess.cookie, 'X-CSRF-Token': sess.csrf })
        const r = await fetch(baseUrl + '/api/v1' + path, { method, headers, body: body && JSON.stringify(body) })
        return { r, body: await r.json().catch(() => null) }
      }
      const li = await api('POST', '/session', { username: 'admin', password: DEMO_PASSWORD })
      const admin = { cookie: li.r.headers.get('set-cookie').split(';')[0], csrf: li.body.csrf_token }
      const put = async (value) => {
        const r = await api('PUT', '/settings/auth.mfa_roles', { value }, admin)
        assert(r.r.status === 200, `setting auth.mfa_roles: ${r.r.status}`)
      }
      await put('chief')
      try {
        await login(page, 'shiqiao_sz', DEMO_PASSWORD)
        await expectPath(page, '/security')
        await expectVisible(page.locator('[data-test="totp-forced"]'), 'the notice that enrolment is required')
        // every other page sends the chief back here
        await page.goto('/cases')
        await expectPath(page, '/security')
        await page.locator('[data-test="totp-start"]').click()
        const secretEl = page.locator('[data-test="totp-secret"]')
        await expectVisible(secretEl, 'the secret')
        const secret = (await secretEl.innerText()).replace(/\s+/g, '')
        await page.locator('[data-test="totp-confirm-code"]').fill(totp(secret, step()))
        await page.locator('[data-test="totp-confirm"]').click()
        await expectVisible(page.locator('[data-test="recovery-codes"] li'), 'the recovery codes')
        await page.locator('[data-test="recovery-done"]').click()
        await expectPath(page, '/')
        await page.goto('/cases')
        await expectPath(page, '/cases')
        await expectVisible(page.locator('.card-header', { hasText: '案件列表' }), 'the case list')
      } finally {
        await put('')
      }
    }
  },
  {
    name: 'the clerk exports the case list with a reason and gets a workbook',
    async run({ page }) {
      await login(page, 'neiqin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/cases')
      await page.locator('[data-test="export-cases"]').click()
      const submit = page.locator('[data-test="export-submit"]')
      await expectVisible(submit, 'the export dialog')
      // no reason: the form refuses before the server is asked
      await submit.click()
      await expectVisible(page.locator('.el-form-item__error', { hasText: '导出事由' }), 'the reason error')
      await page.locator('[data-test="export-reason"]').fill('月度案件台账核对')
      const [download] = await Promise.all([page.waitForEvent('download'), submit.click()])
      const name = download.suggestedFilename()
      assert(/^cases-\d{8}\.xlsx$/.test(name), `file name: ${name}`)
    }
  }
]
