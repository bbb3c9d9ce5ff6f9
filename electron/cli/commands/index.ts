/** Every command, in the order the usage text lists them. */
import type { Command } from '../command';
import check from './check';
import doctor from './doctor';
import exportLogs from './export';
import add from './hooks/add';
import edit from './hooks/edit';
import exportHooks from './hooks/export';
import importHooks from './hooks/import';
import list from './hooks/list';
import remove from './hooks/remove';
import rotateKey from './hooks/rotateKey';
import { disable, enable } from './hooks/state';
import test from './hooks/test';
import listen from './listen';
import logs from './logs';
import redeliver from './redeliver';
import show from './show';
import trigger from './trigger';

export const commands: readonly Command[] = [
  list,
  add,
  edit,
  enable,
  disable,
  remove,
  rotateKey,
  test,
  exportHooks,
  importHooks,
  trigger,
  logs,
  show,
  exportLogs,
  redeliver,
  check,
  listen,
  doctor,
];
