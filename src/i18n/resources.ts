/** Every UI string, in Chinese and English. Keys are grouped by the part of the app that shows them. */
export const resources = {
  zh: {
    translation: {
      app: {
        title: '京津冀协同发展地图',
        subtitle: '北京市推进京津冀协同发展2019年工作要点',
        language: '语言',
        switchLanguage: 'English',
        switchLanguageLabel: '切换到英文界面',
      },
      map: {
        label: '地图：京津冀地区',
        loading: '地图加载中…',
        noWebglTitle: '无法显示地图',
        noWebglBody: '此浏览器无法使用 WebGL2，地图无法绘制。请在支持 WebGL2 的浏览器中打开，或开启硬件加速。',
        failedTitle: '地图启动失败',
        failedBody: '地图未能启动：{{reason}}',
        technical: '技术信息',
      },
    },
  },
  en: {
    translation: {
      app: {
        title: 'JJJ Atlas',
        subtitle: "Beijing's 2019 work plan for Beijing–Tianjin–Hebei coordinated development",
        language: 'Language',
        switchLanguage: '中文',
        switchLanguageLabel: 'Switch to Chinese',
      },
      map: {
        label: 'Map of the Beijing–Tianjin–Hebei region',
        loading: 'Loading the map…',
        noWebglTitle: 'The map cannot be shown',
        noWebglBody: 'This browser has no WebGL2, which the map needs to draw. Open the app in a browser with WebGL2, or turn on hardware acceleration.',
        failedTitle: 'The map failed to start',
        failedBody: 'The map could not start: {{reason}}',
        technical: 'Technical details',
      },
    },
  },
} as const;

export type Language = keyof typeof resources;
export const LANGUAGES: Language[] = ['zh', 'en'];
