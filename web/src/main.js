import { createApp } from 'vue'
// Element Plus components are imported where templates use them (vite.config.js,
// unplugin-vue-components); the base variables and the styles of the services
// called from scripts (ElMessage, ElMessageBox) are imported here.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './styles.css'
import App from './App.vue'
import router from './router.js'
import { installAuth } from './auth.js'

const app = createApp(App)
app.use(router)
installAuth(router)
app.mount('#app')
