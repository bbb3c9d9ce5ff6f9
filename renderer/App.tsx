import { useEffect } from 'react';
import { call, onPush } from './api';
import { CreateHook } from './screens/CreateHook';
import { HookDetail } from './screens/HookDetail';
import { HookList } from './screens/HookList';
import { useHooks } from './state/hooks';
import { useNavigation } from './state/navigation';
import { useNotices } from './state/notices';

export function App() {
  const view = useNavigation((state) => state.view);
  const load = useHooks((state) => state.load);
  const addBanners = useNotices((state) => state.addBanners);

  useEffect(() => {
    void load();
    call('app.notices', {}).then(addBanners, () => {});
    return onPush('notice', (notice) => addBanners([notice]));
  }, [load, addBanners]);

  return (
    <div className="app">
      <Banners />
      <main>
        {view.name === 'list' && <HookList />}
        {view.name === 'create' && <CreateHook />}
        {view.name === 'hook' && <HookDetail id={view.id} tab={view.tab} />}
      </main>
      <Toasts />
    </div>
  );
}

function Banners() {
  const { banners, dismissBanner } = useNotices();
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((notice) => (
        <div key={notice.id} className={`banner ${notice.level}`} role="alert">
          <span>{notice.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissBanner(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function Toasts() {
  const { toasts, dismissToast } = useNotices();
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
