// api.js — the one way the UI talks to the server: JSON over fetch, cookie session, CSRF header.
//
// Every failure is thrown as an ApiError carrying the server's status, code, Chinese message,
// rule id and field (`{"error":{"code","message","rule"?,"field"?}}`).

const BASE = '/api/v1'
const CSRF_KEY = 'precinct.csrf'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SESSION_GONE = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED'])

let csrfToken = sessionStorage.getItem(CSRF_KEY) || ''
let onSessionGone = null

export class ApiError extends Error {
  constructor(status, code, message, rule, field) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.rule = rule || null
    this.field = field || null
  }
}

/** Remember the CSRF token from POST /session or GET /me (memory + sessionStorage). */
export function setCsrfToken(token) {
  csrfToken = token || ''
  if (csrfToken) sessionStorage.setItem(CSRF_KEY, csrfToken)
  else sessionStorage.removeItem(CSRF_KEY)
}

/** True if this tab held a session token (used to tell "expired" from "never logged in"). */
export function hadSession() {
  return !!csrfToken
}

const writeListeners = new Set()

/**
 * Call fn(method, path) after each write (POST / PUT / PATCH / DELETE) the server accepted — the
 * shell's menu badges reload after the user's own writes. Returns the function that stops it.
 */
export function onWrite(fn) {
  writeListeners.add(fn)
  return () => writeListeners.delete(fn)
}

/** Called with the ApiError when any request answers 401 UNAUTHENTICATED / SESSION_EXPIRED. */
export function setSessionGoneHandler(fn) {
  onSessionGone = fn
}

function buildQuery(params) {
  if (!params) return ''
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    q.append(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

const FALLBACK = {
  400: '请求参数有误',
  401: '未登录或登录已超时',
  403: '无权限执行此操作',
  404: '请求的资源不存在',
  409: '数据冲突，请刷新后重试',
  423: '账号已锁定',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误'
}

// A request whose connection failed, or whose answer stopped coming, as every caller handles it
const NETWORK = '无法连接服务器，请检查网络'
const ANSWER_LOST = '与服务器的连接中断，未收到完整应答，请检查网络'

/**
 * request(method, path, { params, body, quiet401, timeout, signal }) → parsed JSON body.
 * quiet401: do not call the session-gone handler (login and start-up probes).
 * timeout (ms): give up on a request not answered in full by then — ApiError status 0, TIMEOUT;
 * signal: an AbortSignal the caller cancels it with — ApiError status 0, ABORTED. Without them a
 * request waits as long as the browser does. A connection lost before or while the answer comes is
 * ApiError status 0, NETWORK.
 */
export async function request(method, path, opts = {}) {
  const m = method.toUpperCase()
  const headers = { Accept: 'application/json' }
  const init = { method: m, headers, credentials: 'same-origin' }
  if (opts.file) {
    // an upload route: the file itself is the body, its type the Content-Type
    headers['Content-Type'] = opts.file.type || 'application/octet-stream'
    init.body = opts.file
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(opts.body)
  }
  if (UNSAFE.has(m) && csrfToken) headers['X-CSRF-Token'] = csrfToken

  // the abort covers reading the answer too, so the timer runs until the body is read
  let timer = null
  let timedOut = false
  if (opts.timeout || opts.signal) {
    const ctl = new AbortController()
    init.signal = ctl.signal
    if (opts.timeout)
      timer = setTimeout(() => {
        timedOut = true
        ctl.abort()
      }, opts.timeout)
    if (opts.signal) {
      if (opts.signal.aborted) ctl.abort()
      else opts.signal.addEventListener('abort', () => ctl.abort(), { once: true })
    }
  }
  const lost = (message) =>
    timedOut
      ? new ApiError(0, 'TIMEOUT', `服务器 ${Math.round(opts.timeout / 1000)} 秒内未应答，请检查网络`)
      : opts.signal && opts.signal.aborted
        ? new ApiError(0, 'ABORTED', '请求已取消')
        : new ApiError(0, 'NETWORK', message)
  try {
    return await answer(m, path, opts, init, lost)
  } finally {
    clearTimeout(timer)
  }
}

// request's fetch and its answer read, a failure of either thrown as lost(message) makes it
async function answer(m, path, opts, init, lost) {
  let res
  try {
    res = await fetch(BASE + path + buildQuery(opts.params), init)
  } catch (e) {
    throw lost(NETWORK)
  }

  if (res.ok && UNSAFE.has(m)) for (const fn of writeListeners) fn(m, path)

  if (opts.blob && res.ok) {
    // a file (POST /exports): the body and the name the server gave it
    const cd = res.headers.get('Content-Disposition') || ''
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd) // the exact (Chinese) name
    const m = /filename="?([^";]+)"?/.exec(cd)
    let blob
    try {
      blob = await res.blob()
    } catch (e) {
      throw lost(ANSWER_LOST)
    }
    return { blob, name: star ? decodeURIComponent(star[1]) : m ? m[1] : 'export' }
  }
  let data = null
  let text
  try {
    text = await res.text()
  } catch (e) {
    throw lost(ANSWER_LOST)
  }
  if (text) {
    try {
      data = JSON.parse(text)
    } catch (e) {
      data = null
    }
  }
  if (res.ok) return data || {}

  const err = (data && data.error) || {}
  const apiErr = new ApiError(
    res.status,
    err.code || `HTTP_${res.status}`,
    err.message || FALLBACK[res.status] || `请求失败（${res.status}）`,
    err.rule,
    err.field
  )
  apiErr.data = data // the whole reply, for errors that carry more (409 DUPLICATE_SUSPECTED → duplicate_candidates)
  if (res.status === 401 && SESSION_GONE.has(apiErr.code) && !opts.quiet401 && onSessionGone) {
    apiErr.sessionGone = true // the login page already says why; callers need not show it again
    onSessionGone(apiErr)
  }
  throw apiErr
}

/**
 * download(path, params, name) — GET a file (not JSON) and hand it to the browser as a download
 * named `name`; a refusal is thrown as an ApiError like request's. Resolves to the byte count.
 */
export async function download(path, params, name) {
  let res
  try {
    res = await fetch(BASE + path + buildQuery(params), { credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, 'NETWORK', NETWORK)
  }
  if (!res.ok) {
    let err = {}
    try {
      err = (await res.json()).error || {}
    } catch (e) {
      err = {}
    }
    throw new ApiError(res.status, err.code || `HTTP_${res.status}`, err.message || FALLBACK[res.status] || `请求失败（${res.status}）`, err.rule, err.field)
  }
  let blob
  try {
    blob = await res.blob()
  } catch (e) {
    throw new ApiError(0, 'NETWORK', ANSWER_LOST)
  }
  saveBlob(blob, name)
  return blob.size
}

/** saveBlob(blob, name) — hand a file made or fetched in the page to the browser as a download. */
export function saveBlob(blob, name) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10000)
}

export const api = {
  get: (path, params, opts) => request('GET', path, { ...opts, params }),
  post: (path, body, opts) => request('POST', path, { ...opts, body: body ?? {} }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body: body ?? {} }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body: body ?? {} }),
  del: (path, opts) => request('DELETE', path, opts),
  /** POST a File or Blob as the body (upload routes); name goes in the query. */
  upload: (path, file, params, opts) => request('POST', path, { ...opts, params, file }),
  /** POST that answers a file: resolves to { blob, name }. */
  download: (path, body, opts) => request('POST', path, { ...opts, body: body ?? {}, blob: true })
}

export default api
