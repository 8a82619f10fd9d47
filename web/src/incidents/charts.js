// charts.js — the options of the 警务动态日报 and 统计分析 charts in the government look (plain
// objects: ECharts itself is in echarts.js, loaded by the chart component when it mounts).
import { WEEKDAYS } from './labels.js'

const BLUE = '#0b3d91'
const PALETTE = ['#0b3d91', '#c0392b', '#e6a23c', '#3f8f1f', '#5470c6', '#909399', '#8e44ad', '#16a085', '#d35400']
const FONT = { fontFamily: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif' }

const title = (text) => ({ text, left: 'center', top: 4, textStyle: { ...FONT, fontSize: 14, fontWeight: 600 } })

function bars(text, names, values, opts = {}) {
  return {
    color: [opts.color || BLUE],
    title: title(text),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 44, bottom: opts.rotate ? 64 : 32 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: opts.rotate || 0, ...FONT } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: opts.series || text, data: values, barMaxWidth: 36, label: { show: !!opts.label, position: 'top' } }]
  }
}

const short = (name) => String(name || '').replace(/派出所$/, '所')

/** 警务动态日报: the score of each station in rank order. */
export function scoreOption(rows) {
  return bars('各所得分排名', rows.map((r) => short(r.station_name)), rows.map((r) => r.score), {
    series: '得分',
    label: true,
    rotate: 30
  })
}

/** 警务动态日报: incidents by station, stacked 刑事 / 治安 / 其他. */
export function incidentStackOption(rows) {
  const names = rows.map((r) => short(r.station_name))
  const crim = rows.map((r) => r.criminal_incidents || 0)
  const order = rows.map((r) => r.public_order_incidents || 0)
  const other = rows.map((r) => Math.max(0, (r.incidents || 0) - (r.criminal_incidents || 0) - (r.public_order_incidents || 0)))
  const s = (name, data) => ({ name, type: 'bar', stack: 'n', data, barMaxWidth: 36 })
  return {
    color: ['#c0392b', '#e6a23c', '#5470c6'],
    title: title('各所警情构成'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 26, textStyle: FONT },
    grid: { left: 48, right: 16, top: 60, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30, ...FONT } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [s('刑事', crim), s('治安', order), s('其他', other)]
  }
}

/** 统计分析: incidents by category (pie). */
export function categoryPieOption(items) {
  return {
    color: PALETTE,
    title: title('按警情类别'),
    tooltip: { trigger: 'item', formatter: '{b}：{c}起（{d}%）' },
    legend: { type: 'scroll', bottom: 0, textStyle: FONT },
    series: [
      {
        type: 'pie',
        radius: ['30%', '62%'],
        center: ['50%', '50%'],
        label: { formatter: '{b}\n{c}' },
        data: items.map((c) => ({ name: c.name, value: c.n }))
      }
    ]
  }
}

/** 统计分析: by hour of day, 0–23 (hours without incidents shown as 0). */
export function hourOption(items) {
  const n = Array(24).fill(0)
  for (const h of items) if (h.hour >= 0 && h.hour < 24) n[h.hour] = h.n
  return bars('按时段（时）', n.map((_, i) => String(i)), n, { series: '警情' })
}

/** 统计分析: by weekday, 0 = 周一. */
export function weekdayOption(items) {
  const n = Array(7).fill(0)
  for (const d of items) if (d.weekday >= 0 && d.weekday < 7) n[d.weekday] = d.n
  return bars('按星期', WEEKDAYS, n, { series: '警情', color: '#3f8f1f', label: true })
}

/** 统计分析: by station. */
export function stationOption(items) {
  return bars('按派出所', items.map((s) => short(s.station_name)), items.map((s) => s.n), {
    series: '警情',
    color: '#5470c6',
    rotate: 30,
    label: true
  })
}

/** 警务动态日报: 可防性案件 of each station against the same day last week and last year (fewer is better). */
export function preventableOption(rows) {
  const names = rows.map((r) => short(r.station_name))
  const s = (name, key) => ({ name, type: 'bar', data: rows.map((r) => r[key] || 0), barMaxWidth: 18 })
  return {
    color: ['#c0392b', '#e6a23c', '#909399'],
    title: title('可防性案件（越少越好）'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 26, textStyle: FONT },
    grid: { left: 48, right: 16, top: 60, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30, ...FONT } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [s('本期', 'preventable'), s('上周同日', 'preventable_last_week'), s('去年同日', 'preventable_last_year')]
  }
}
