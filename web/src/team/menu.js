// menu.js — the 队伍管理 entries of the left menu and their icons (read by area.js).
import { Bell, Calendar, Notebook, Postcard, User } from '@element-plus/icons-vue'
import { DUTY_EDIT, DUTY_READ, LEAVE_LIST, STAFF_FIGURES, STAFF_LIST, TASKS_READ } from './labels.js'
import { TEAM_MEETING_LIST } from './labels-meetings.js'

export const TEAM_ICONS = { Bell, Calendar, Notebook, Postcard, User }

export const TEAM_MENU = {
  title: '队伍管理',
  icon: 'User',
  children: [
    { path: '/team/todos', title: '待办事项', icon: 'Bell', action: TASKS_READ },
    { path: '/team/duty', title: '值班勤务', icon: 'Calendar', action: DUTY_READ },
    { path: '/team/duty-patterns', title: '值班模板', icon: 'Calendar', action: DUTY_EDIT },
    { path: '/team/leaves', title: '请假销假', icon: 'Postcard', action: LEAVE_LIST },
    { path: '/team/staff', title: '人员档案与队伍结构', icon: 'User', action: STAFF_FIGURES },
    { path: '/team/meetings', title: '会议学习', icon: 'Notebook', action: TEAM_MEETING_LIST },
    { path: '/team/staff-changes', title: '任职晋升与培训', icon: 'Postcard', action: STAFF_LIST }
  ]
}
