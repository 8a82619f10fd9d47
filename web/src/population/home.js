// home.js — the 一标三实 numbers of the home cards.
import api from '../api.js'
import { todayShanghai } from '../format.js'

/** Rentals due by today, overdue ones included (the auxiliary's 走访任务). */
export const visitsDueToday = () => api.get('/rentals', { due_on: todayShanghai(), per_page: 1 }).then((d) => d.total ?? (d.items || []).length)

/** Rentals past their visit cycle. */
export const visitsOverdue = () => api.get('/rentals', { overdue: 1, per_page: 1 }).then((d) => d.total ?? (d.items || []).length)

/** Hits not yet closed (签收 → 核查 → 反馈). */
export const openHits = () => api.get('/hits', { open: 1 }).then((d) => d.total ?? (d.items || []).length)
