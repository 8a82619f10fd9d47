// auth.js — who is logged in: the user, the CSRF token, login/logout and the idle watch.
import { reactive } from 'vue'
import api, { setCsrfToken, setSessionGoneHandler, hadSession } from './api.js'

export const IDLE_MS = 30 * 60 * 1000
const EXPIRED_MESSAGE = '登录已超时，请重新登录'

export const auth = reactive({
  user: null,
  // what the user may do: { 'case.read': 'unit', … } from GET /me (the server's action table)
  actions: {},
  loaded: false,
  // the two-factor state from GET /me: { enabled, pending, required, recovery_left }
  totp: null,
  // one-shot notice shown on the login page (e.g. "登录已超时，请重新登录")
  notice: ''
})

let router = null
let loading = null

function accept(data) {
  auth.user = data.user || null
  if (data.totp) auth.totp = data.totp
  // POST /session answers without the action list: keep what /me said until it is asked again
  if (data.actions) auth.actions = Object.fromEntries(data.actions.map((a) => [a.action, a.scope]))
  setCsrfToken(data.csrf_token || '')
}

function clear() {
  auth.user = null
  auth.actions = {}
  auth.totp = null
  setCsrfToken('')
}

/**
 * May the user perform the action? `need` is an action name ('case.create'), a list of names
 * that must all be allowed, or { all, any, not } (lists; `any` may hold such objects) for the views that belong to those who
 * may do one thing and not another (e.g. 我的预警: case work, but no approvals). The server checks
 * every request again; this only decides what the web shows.
 */
export function can(need) {
  if (!need) return true
  if (typeof need === 'string') return need in auth.actions
  if (Array.isArray(need)) return need.every((a) => a in auth.actions)
  return (
    can(need.all || []) &&
    (!need.any || need.any.some((a) => can(a))) &&
    !(need.not || []).some((a) => a in auth.actions)
  )
}

/** Ask the server who we are (once per page load unless force). Never throws. */
export function loadSession(force = false) {
  if (auth.loaded && !force) return Promise.resolve(auth.user)
  if (loading) return loading
  const wasLoggedIn = hadSession()
  loading = api
    .get('/me', null, { quiet401: true })
    .then((data) => accept(data))
    .catch((e) => {
      clear()
      if (e.status === 401 && wasLoggedIn) auth.notice = EXPIRED_MESSAGE
    })
    .then(() => {
      auth.loaded = true
      loading = null
      return auth.user
    })
  return loading
}

/**
 * POST /session. Throws ApiError (401 BAD_CREDENTIALS, 401 TOTP_REQUIRED / TOTP_INVALID when the
 * account uses a second factor; a locked account answers as a wrong password; 429 …). totpCode: the 动态验证码 or a
 * recovery code, once the server asked for it.
 */
export async function login(username, password, totpCode) {
  const body = { username, password }
  if (totpCode) body.totp_code = totpCode
  const data = await api.post('/session', body, { quiet401: true })
  accept(data)
  try {
    accept(await api.get('/me', null, { quiet401: true })) // the allowed actions
  } catch (e) {
    /* the menus stay empty until the next /me; the server decides anyway */
  }
  auth.loaded = true
  auth.notice = ''
  touch()
  return auth.user
}

export async function logout() {
  try {
    await api.del('/session', { quiet401: true })
  } catch (e) {
    /* the session may already be gone; leaving is what matters */
  }
  clear()
  if (router) await router.replace('/login')
}

/** A role that must use two factors and has not enrolled: only 账号安全 is open to it. */
export function mustEnrol() {
  return !!(auth.totp && auth.totp.required && !auth.totp.enabled)
}

/** After enrolment or disable: ask the server for the new state. */
export async function refreshTotp() {
  try {
    auth.totp = await api.get('/me/totp')
  } catch (e) {
    /* the page shows the error of its own request */
  }
}

/** After a successful POST /me/password the server clears must_change_password. */
export function passwordChanged() {
  if (auth.user) auth.user.must_change_password = false
}

function sessionGone() {
  if (!auth.user && router && router.currentRoute.value.path === '/login') return
  clear()
  auth.notice = EXPIRED_MESSAGE
  if (router && router.currentRoute.value.path !== '/login') {
    const back = router.currentRoute.value.fullPath
    router.replace({ path: '/login', query: back && back !== '/' ? { redirect: back } : {} })
  }
}

// ---- client-side idle watch: 30 min without activity → probe GET /me, leave on 401 ----

let lastActivity = Date.now()
let probing = false

function touch() {
  lastActivity = Date.now()
}

async function idleCheck() {
  if (!auth.user || probing) return
  if (Date.now() - lastActivity < IDLE_MS) return
  probing = true
  try {
    const data = await api.get('/me', null, { quiet401: true })
    accept(data)
    touch() // still valid on the server: look again after another idle period
  } catch (e) {
    if (e.status === 401) sessionGone()
  } finally {
    probing = false
  }
}

/** Wire the store to the router: 401 handling, activity listeners, the idle timer. */
export function installAuth(r) {
  router = r
  setSessionGoneHandler(sessionGone)
  const opts = { passive: true, capture: true }
  for (const ev of ['mousedown', 'keydown', 'wheel', 'touchstart', 'scroll']) {
    window.addEventListener(ev, touch, opts)
  }
  let lastMove = 0
  window.addEventListener(
    'mousemove',
    () => {
      const now = Date.now()
      if (now - lastMove > 5000) {
        lastMove = now
        touch()
      }
    },
    opts
  )
  window.setInterval(idleCheck, 30 * 1000)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') idleCheck()
  })
}
