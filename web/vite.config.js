import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The C server serves dist/ itself under a strict CSP (no inline script, no eval),
// so everything is bundled and loaded from 'self'.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          // ECharts only with the report pages, not in the start-up vendor chunk
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules')) return 'vendor'
        }
      }
    }
  },
  server: {
    // `npm run dev` next to a running server: PRECINCT_API=http://127.0.0.1:8080 npm run dev
    proxy: process.env.PRECINCT_API ? { '/api': process.env.PRECINCT_API } : undefined
  }
})
