// labels.js — 巡逻防控 codes in Chinese (the server's catalog enums; each list made once, here), the actions that show each page,
// and small helpers shared by the patrol views.
import { enumLabel, enumList } from '../catalog.js'
import { auth } from '../auth.js'

export const TEAM_KINDS = enumList('patrol_team_kind')
export const teamKindName = (v) => enumLabel('patrol_team_kind', v)
export const PATROL_MODES = enumList('patrol_mode')
export const modeName = (v) => enumLabel('patrol_mode', v)
export const DRESSES = enumList('patrol_dress')
export const dressName = (v) => enumLabel('patrol_dress', v)
export const DUTIES = enumList('patrol_duty')
export const dutyName = (v) => enumLabel('patrol_duty', v)
export const PERIODS = enumList('patrol_period')

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** Users of a station or a 警务室 act in their own station; above the stations a station is picked. */
export const inStation = () => ['station', 'post'].includes(auth.user?.unit?.kind)

// ---- who sees what: actions of the server's table (GET /me; can() in auth.js) ----
export const PATROL_LIST = 'patrol.list'
export const PATROL_MANAGE = 'patrol.manage'
export const PATROL_LOG = 'patrol.log'
export const PATROL_SCORE = 'patrol.score'
