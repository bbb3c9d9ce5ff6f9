import { create } from 'zustand';
import type { Notice } from '../../shared/domain';

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
};

const TOAST_MS = 5000;

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
    set((state) => ({ lastToastId: id, toasts: [...state.toasts, { id, kind, message }] }));
    setTimeout(() => get().dismissToast(id), kind === 'error' ? TOAST_MS * 2 : TOAST_MS);
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));
