/**
 * The strings of the "new version" offer (src/pwa/), in Chinese and English. Kept out of
 * resources.ts so they travel in the lazily loaded chunk that shows them, not in the first
 * frame's JavaScript; src/pwa/register.ts adds them to i18next under `pwa.`.
 */
const zh = {
  updateAvailable: '新版本已就绪，重新加载后生效。',
  reload: '重新加载',
  later: '稍后',
  laterLabel: '稍后再更新（下次打开时仍会提示）',
};

const en: Record<keyof typeof zh, string> = {
  updateAvailable: 'A new version of the app is ready. Reload to use it.',
  reload: 'Reload',
  later: 'Later',
  laterLabel: 'Update later (you will be asked again next time)',
};

export const pwaStrings = { zh, en } as const;
