// labels-assess.js — 考核与奖惩 (issue 18, part 3): the actions its pages and menu entries depend
// on, and its codes in Chinese (the server's catalog enums).
import { enumList } from '../catalog.js'

export const ASSESSMENT_READ = 'assessment.read'
export const INTERVENTION_LIST = 'intervention.list'
export const INTERVENTION_CREATE = 'intervention.create'
export const DISCIPLINE_LIST = 'discipline.list'
export const DISCIPLINE_CREATE = 'discipline.create'
export const MONITOR_LIST = 'monitor.list'
export const MONITOR_MANAGE = 'monitor.manage'
export const MONITOR_ANSWER = 'monitor.answer'

export const ASSESS_PERIODS = enumList('assess_period')
export const ASSESS_LEVELS = enumList('assess_level')
export const INTERVENTION_MEASURES = enumList('intervention_measure')
export const COMMENDATION_GRADES = enumList('commendation_grade')
export const COMMENDATION_GROUNDS = enumList('commendation_ground')
export const BODY_LEVELS = enumList('body_level')
export const SANCTION_KINDS = enumList('sanction_kind')
export const SANCTION_BODIES = enumList('sanction_body')
export const SANCTION_GROUNDS = enumList('sanction_ground')

// 九好 (issue 18): the station checklist
export const STATION_CHECKLIST_LIST = 'station_checklist.list'
export const STATION_CHECKLIST_SCORE = 'station_checklist.score'
