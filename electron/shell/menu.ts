import { Menu, type MenuItemConstructorOptions } from 'electron';
import { LOGTO_WEBHOOK_DOCS, openExternalLink } from './links';

export function buildAppMenu(platform: NodeJS.Platform = process.platform): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Logto webhooks documentation', click: () => openExternalLink(LOGTO_WEBHOOK_DOCS) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
