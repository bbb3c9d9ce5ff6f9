import { useEffect } from 'react';
import { useNavigation } from '../state/navigation';
import { useNotices } from '../state/notices';

/**
 * Toasts in a tray below the screen, not over it (the screen scrolls above the tray), so a toast
 * never lies over a control. An error stays until dismissed or until its screen is left.
 */
export function Toasts() {
  const toasts = useNotices((state) => state.toasts);
  const dismissToast = useNotices((state) => state.dismissToast);
  const leftScreen = useNotices((state) => state.leftScreen);

  useEffect(() => useNavigation.subscribe((now, before) => now.view !== before.view && leftScreen()), [leftScreen]);

  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span>{toast.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
