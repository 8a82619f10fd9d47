// labels.js — the action names of the 领导交办 / 逐级上报 / 阅示 area (the server's action table).
export const TASK_LIST = 'leader_task.list'
export const TASK_ASSIGN = 'leader_task.assign'
export const TASK_UPDATE = 'leader_task.update'
export const DAILY_SUBMIT = 'daily.submit'
export const DAILY_INSTRUCT = 'daily.instruct'
export const REPORTS = 'report.daily'

export const TASK_STATUS = { assigned: '待签收', signed: '办理中', done: '已办结' }
export const TASK_SOURCE = { leader: '领导交办', instruction: '日报阅示', meeting: '调度会' }
export const ANALYSIS_READ = 'analysis.read'
export const MEETING_LIST = 'meeting.list'
