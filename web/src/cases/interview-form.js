// interview-form.js — the 电子笔录 form: blank form, API record → form, form → request body.
// Times in the form are epoch milliseconds (el-date-picker value-format "x"); the API uses seconds.

const toMs = (s) => (s ? Number(s) * 1000 : null)
const toSec = (ms) => (ms ? Math.floor(Number(ms) / 1000) : undefined)

export const OPENING_QUESTION =
  '我们是公安机关的工作人员（出示工作证件），现依法对你进行询问，你应当如实回答，对与本案无关的问题有拒绝回答的权利，' +
  '有陈述和申辩的权利，如实陈述可以从轻处理，作伪证或隐匿证据要负法律责任。你听清楚了吗？'

export function blankForm(caseFile, unitName) {
  const now = Date.now()
  const sworn = (caseFile.officers || []).filter((o) => o.duty !== 'assist').map((o) => o.user_id)
  return {
    id: null,
    status: 'draft',
    version: 1,
    party_id: null,
    kind: caseFile.kind === 'criminal' ? 'interrogation' : 'inquiry',
    start_at: Math.max(now, (caseFile.accepted_at || 0) * 1000),
    end_at: null,
    place_kind: 'station_room',
    place: unitName ? `${unitName}办案区询问室` : '',
    recording_id: '',
    officer_ids: sworn,
    summoned: false,
    oral_summons: false,
    needs_interpreter: false,
    interpreter: '',
    needs_sign_language: false,
    sign_language: '',
    guardian_name: '',
    guardian_relation: '',
    guardian_absent_reason: '',
    female_staff: '',
    family_notified_at: null,
    family_notice_exception: '',
    subject_refusal: '',
    qa: [{ q: OPENING_QUESTION, a: '' }],
    content_hash: '',
    read_back: false,
    subject_signed_at: null,
    officer_signed_at: null,
    officers: [],
    subject: null
  }
}

export function fromRecord(I) {
  const f = blankForm({ officers: [] }, '')
  for (const k of Object.keys(f)) if (I[k] !== undefined && I[k] !== null) f[k] = I[k]
  f.start_at = toMs(I.start_at)
  f.end_at = toMs(I.end_at)
  f.family_notified_at = toMs(I.family_notified_at)
  f.officer_ids = (I.officers || []).map((o) => o.user_id)
  if (!f.officer_ids.length && Array.isArray(I.officer_ids)) f.officer_ids = I.officer_ids
  f.qa = (I.qa || []).map((x) => ({ q: x.q || '', a: x.a || '' }))
  return f
}

const TEXT = ['place', 'recording_id', 'interpreter', 'sign_language']
const GUARDIAN = ['guardian_name', 'guardian_relation', 'guardian_absent_reason']

/** The body of POST /cases/{id}/interviews or PATCH /interviews/{id}. */
export function toBody(f, { minor, girl }) {
  const b = {
    party_id: f.party_id,
    kind: f.kind,
    start_at: toSec(f.start_at),
    place_kind: f.place_kind,
    officer_ids: f.officer_ids,
    summoned: !!f.summoned,
    oral_summons: !!(f.summoned && f.oral_summons),
    needs_interpreter: !!f.needs_interpreter,
    needs_sign_language: !!f.needs_sign_language,
    qa: f.qa.map((x) => ({ q: x.q.trim(), a: x.a.trim() })).filter((x) => x.q || x.a)
  }
  for (const k of TEXT) b[k] = String(f[k] || '').trim()
  if (!b.needs_interpreter) delete b.interpreter
  if (!b.needs_sign_language) delete b.sign_language
  if (!b.recording_id) delete b.recording_id
  if (f.end_at) b.end_at = toSec(f.end_at)
  if (minor) {
    for (const k of GUARDIAN) if (String(f[k] || '').trim()) b[k] = String(f[k]).trim()
  }
  if (girl && String(f.female_staff || '').trim()) b.female_staff = f.female_staff.trim()
  if (f.summoned) {
    if (f.family_notified_at) b.family_notified_at = toSec(f.family_notified_at)
    if (f.family_notice_exception.trim()) b.family_notice_exception = f.family_notice_exception.trim()
  }
  return b
}
