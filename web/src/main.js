import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import router from './router.js'
import { installAuth } from './auth.js'

const app = createApp(App)
app.use(ElementPlus, { locale: zhCn })
app.use(router)
installAuth(router)
app.mount('#app')
