// charts.js — the 研判 charts (plain ECharts options; ECharts itself loads with the first chart).
const FONT = { fontFamily: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif' }
const title = (text) => ({ text, left: 'center', top: 4, textStyle: { ...FONT, fontSize: 14, fontWeight: 600 } })

/** A day's count against the mean of the same weekday of the four weeks before, per item. */
export function againstMeanOption(text, items, nameOf) {
  return {
    color: ['#c0392b', '#0b3d91'],
    title: title(text),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 26, textStyle: FONT },
    grid: { left: 44, right: 16, top: 60, bottom: 64 },
    xAxis: { type: 'category', data: items.map(nameOf), axisLabel: { interval: 0, rotate: 30, ...FONT } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '当日', type: 'bar', barMaxWidth: 28, data: items.map((i) => ({ value: i.count, itemStyle: i.high ? { color: '#c0392b' } : { color: '#e6a23c' } })) },
      { name: '近4周同日均值', type: 'bar', barMaxWidth: 16, data: items.map((i) => i.mean) }
    ]
  }
}

/** 24 hours: the day's count and the four weeks' mean. */
export function hourOption(items) {
  const by = Object.fromEntries(items.map((i) => [i.k, i]))
  const hours = [...Array(24).keys()]
  return {
    color: ['#c0392b', '#0b3d91'],
    title: title('按小时'),
    tooltip: { trigger: 'axis' },
    legend: { top: 26, textStyle: FONT },
    grid: { left: 44, right: 16, top: 60, bottom: 32 },
    xAxis: { type: 'category', data: hours.map((h) => `${h}时`), axisLabel: FONT },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '当日', type: 'bar', barMaxWidth: 16, data: hours.map((h) => (by[h] ? by[h].count : 0)) },
      { name: '近4周同日均值', type: 'bar', barMaxWidth: 16, data: hours.map((h) => (by[h] ? by[h].mean : 0)) }
    ]
  }
}
