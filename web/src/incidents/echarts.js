// echarts.js — ECharts, only the parts the report pages draw (tree-shaken, canvas, no CDN).
// Imported dynamically by src/views/incidents/EChart.vue, so it is its own chunk that only pages
// with a chart load.
import * as echarts from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

export { echarts }
