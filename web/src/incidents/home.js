// home.js — the 110 接处警 cards of the home page (used by home-cards.js).
import api from '../api.js'
import { dayStartSec, todayShanghai } from '../format.js'

const total = (path, params) => api.get(path, { ...params, page: 1, per_page: 1 }).then((d) => d.total ?? 0)

export const todayIncidentsCard = {
  title: '今日警情',
  icon: 'PhoneFilled',
  sub: '今日0时起接报的警情',
  link: '/incidents',
  load: () => total('/incidents', { from: dayStartSec(todayShanghai()) })
}

export const pendingDispatchCard = {
  title: '待派警',
  icon: 'Position',
  sub: '已接警、尚未派警的警情',
  link: '/incidents?status=received',
  load: () => total('/incidents', { status: 'received' })
}

export const openOversightCard = {
  title: '督办中',
  icon: 'AlarmClock',
  sub: '尚未答复的督办任务',
  link: '/oversight',
  load: () => api.get('/oversight', { open: 1 }).then((d) => d.total ?? (d.items || []).length)
}

export const dailyReportCard = {
  title: '各所排名',
  icon: 'Trophy',
  sub: '警务动态日报：今日各所得分排名第一',
  link: '/reports/daily',
  load: () =>
    api.get('/reports/daily').then((d) => {
      const first = (d.rows || []).find((r) => r.rank === 1)
      return first ? first.station_name : '—'
    })
}
