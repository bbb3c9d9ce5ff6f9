import { create } from 'zustand';
import type { Notice } from '../../shared/domain';

/** A success fades on its own; an error stays until dismissed or until the user leaves its screen. */
export type Toast = { id: number; kind: 'success' | 'error'; message: string };

type Notices = {
  /** Lasting messages from main (a file moved aside): shown until dismissed. */
  banners: Notice[];
  toasts: Toast[];
  lastToastId: number;
  addBanners(notices: Notice[]): void;
  dismissBanner(id: string): void;
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
  /** The screen changed: errors about the one left behind no longer apply. */
  leftScreen(): void;
};

export const SUCCESS_TOAST_MS = 4000;
export const MOST_TOASTS = 3;

export const useNotices = create<Notices>((set, get) => ({
  banners: [],
  toasts: [],
  lastToastId: 0,
  addBanners: (notices) =>
    set((state) => ({
      banners: [...state.banners, ...notices.filter((notice) => !state.banners.some((shown) => shown.id === notice.id))],
    })),
  dismissBanner: (id) => set((state) => ({ banners: state.banners.filter((notice) => notice.id !== id) })),
  toast: (kind, message) => {
    const id = get().lastToastId + 1;
    set((state) => ({ lastToastId: id, toasts: [...state.toasts, { id, kind, message }].slice(-MOST_TOASTS) }));
    if (kind === 'success') setTimeout(() => get().dismissToast(id), SUCCESS_TOAST_MS);
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  leftScreen: () => set((state) => ({ toasts: state.toasts.filter((toast) => toast.kind !== 'error') })),
}));
