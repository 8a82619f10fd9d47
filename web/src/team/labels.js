// labels.js — 队伍管理 (issue 18, part 1): the actions its pages, menu entries and home cards
// depend on (the server's action table) and the catalog enums it shows.
import { enumLabel, enumList } from '../catalog.js'

export const STAFF_LIST = 'staff.list'
export const STAFF_UPDATE = 'staff.update'
export const STAFF_FIGURES = 'staff.figures'
export const DUTY_READ = 'duty.read'
export const DUTY_EDIT = 'duty.edit'
export const DUTY_SIGN = 'duty.sign'
export const LEAVE_LIST = 'leave.list'
export const LEAVE_CREATE = 'leave.create'
export const TASKS_READ = 'todo.read'

export const STAFF_KINDS = enumList('staff_kind')
export const POLITICS = enumList('staff_politics')
export const EDUCATION = enumList('staff_education')
export const QUAL_LEVELS = enumList('qual_level')
export const DUTY_POSTS = enumList('duty_post')
export const LEAVE_KINDS = enumList('leave_kind')
export const label = (set, v) => enumLabel(set, v)
