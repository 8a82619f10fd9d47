import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib'

// Pre-compressed copies of every text file of the build (FILE.br and FILE.gz
// beside FILE), made once here at the highest levels; the C server
// (src/http/static.c) sends one when the browser's Accept-Encoding allows,
// with Content-Encoding and Vary. A copy that would not be smaller is not
// written.
const COMPRESS = /\.(js|mjs|css|html|svg|json|txt|ttf)$/
function precompress() {
  let outDir = 'dist'
  return {
    name: 'precinct-precompress',
    apply: 'build',
    configResolved(cfg) { outDir = cfg.build.outDir },
    closeBundle() {
      const walk = (dir) => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name)
          if (statSync(p).isDirectory()) { walk(p); continue }
          if (!COMPRESS.test(name)) continue
          const raw = readFileSync(p)
          if (raw.length < 512) continue
          const br = brotliCompressSync(raw, {
            params: {
              [zc.BROTLI_PARAM_QUALITY]: zc.BROTLI_MAX_QUALITY,
              [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
              [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT
            }
          })
          const gz = gzipSync(raw, { level: 9 })
          if (br.length < raw.length) writeFileSync(p + '.br', br)
          if (gz.length < raw.length) writeFileSync(p + '.gz', gz)
        }
      }
      walk(outDir)
    }
  }
}

// The C server serves dist/ itself under a strict CSP (no inline script, no eval),
// so everything is bundled and loaded from 'self'.
// Element Plus is imported per component where a template uses it (the
// resolver adds the component's import and its CSS), so the login page does
// not load the whole library; ECharts is imported by the chart component
// only when a page with a chart renders (src/views/incidents/EChart.vue).
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: false,
      dirs: []
    }),
    precompress()
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          // the framework every page needs, in one long-cached file
          if (/node_modules\/(@vue|vue|vue-router)\//.test(id)) return 'vue'
        }
      }
    }
  },
  server: {
    // `npm run dev` next to a running server: PRECINCT_API=http://127.0.0.1:8080 npm run dev
    proxy: process.env.PRECINCT_API ? { '/api': process.env.PRECINCT_API } : undefined
  }
})
