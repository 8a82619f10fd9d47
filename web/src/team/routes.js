// routes.js — the 队伍管理 pages (children of the app layout).
import { DUTY_EDIT, DUTY_READ, LEAVE_LIST, STAFF_FIGURES, STAFF_LIST, TASKS_READ } from './labels.js'
import { TEAM_MEETING_LIST } from './labels-meetings.js'

const crumbs = ['队伍管理']
const page = (path, name, component, title, action) => ({ path, name, component, meta: { title, crumbs, action } })

export const TEAM_ROUTES = [
  page('team/todos', 'team-todos', () => import('../views/team/TodosView.vue'), '待办事项', TASKS_READ),
  page('team/duty', 'team-duty', () => import('../views/team/DutyView.vue'), '值班勤务', DUTY_READ),
  page('team/duty-patterns', 'team-duty-patterns', () => import('../views/team/DutyPatternView.vue'), '值班模板', DUTY_EDIT),
  page('team/leaves', 'team-leaves', () => import('../views/team/LeavesView.vue'), '请假销假', LEAVE_LIST),
  page('team/staff', 'team-staff', () => import('../views/team/StaffView.vue'), '人员档案与队伍结构', STAFF_FIGURES),
  page('team/meetings', 'team-meetings', () => import('../views/team/TeamMeetingsView.vue'), '会议学习', TEAM_MEETING_LIST),
  page('team/staff-changes', 'team-staff-changes', () => import('../views/team/StaffChangesView.vue'), '任职晋升与培训', STAFF_LIST)
]
