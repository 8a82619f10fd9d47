// labels-meetings.js — 队伍管理: 会议学习 (issue 18): the actions its page and menu entry depend on
// (the server's action table) and the catalog enum of the meeting kinds.
import { enumList } from '../catalog.js'

export const TEAM_MEETING_LIST = 'team_meeting.list'
export const TEAM_MEETING_CREATE = 'team_meeting.create'
export const MEETING_KINDS = enumList('team_meeting_kind')
