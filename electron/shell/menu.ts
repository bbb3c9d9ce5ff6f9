import { Menu, type MenuItemConstructorOptions, shell } from 'electron';

const LOGTO_WEBHOOK_DOCS = 'https://docs.logto.io/developers/webhooks';

export function buildAppMenu(platform: NodeJS.Platform = process.platform): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Logto webhooks documentation', click: () => void shell.openExternal(LOGTO_WEBHOOK_DOCS) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
