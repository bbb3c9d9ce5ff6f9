import { useEffect, useRef } from 'react';
import { call, onPush } from './api';
import { AppHeader } from './components/AppHeader';
import { LeaveGuard } from './components/LeaveGuard';
import { ScreenBoundary } from './components/ScreenBoundary';
import { Toasts } from './components/Toasts';
import { About } from './screens/About';
import { CreateHook } from './screens/CreateHook';
import { HookDetail } from './screens/HookDetail';
import { HookList } from './screens/HookList';
import { Receiver } from './screens/Receiver';
import { RequestDetail } from './screens/RequestDetail';
import { useHealth } from './state/health';
import { useHooks } from './state/hooks';
import { useNavigation } from './state/navigation';
import { useNotices } from './state/notices';
import { useRequests } from './state/requests';

const HEALTH_REFRESH_MS = 250;

export function App() {
  const view = useNavigation((state) => state.view);
  const load = useHooks((state) => state.load);
  const addBanners = useNotices((state) => state.addBanners);

  const refreshHealth = useHealth((state) => state.refresh);
  const applyDelivery = useRequests((state) => state.apply);
  useHeadingFocus(view.name === 'hook' ? `hook:${view.id}` : view.name === 'delivery' ? `delivery:${view.id}` : view.name);

  useEffect(() => {
    void load();
    void refreshHealth();
    call('app.notices', {}).then(addBanners, () => {});
    let healthTimer: ReturnType<typeof setTimeout> | null = null;
    const stops = [
      onPush('notice', (notice) => addBanners([notice])),
      // Another process (the command line, a second window) changed the hooks or wrote to the log:
      // show what is there now. A form with unsaved edits keeps them and says so (HookForm).
      onPush('hooks.changed', ({ hooks }) => useHooks.setState({ hooks, status: 'ready', loadError: null })),
      onPush('log.changed', () => {
        void refreshHealth();
        void useRequests.getState().refresh();
      }),
      onPush('delivery.updated', (summary) => {
        applyDelivery(summary);
        if (summary.outcome === 'in_flight') return;
        // Every finished delivery updates health; many finishing together share one refresh.
        healthTimer ??= setTimeout(() => {
          healthTimer = null;
          void refreshHealth();
        }, HEALTH_REFRESH_MS);
      }),
    ];
    return () => {
      for (const stop of stops) stop();
      if (healthTimer) clearTimeout(healthTimer);
    };
  }, [load, addBanners, refreshHealth, applyDelivery]);

  return (
    <div className="app">
      <AppHeader />
      <Banners />
      <main>
        <ScreenBoundary view={JSON.stringify(view)} onBack={() => useNavigation.getState().go({ name: 'list' })}>
          {view.name === 'list' && <HookList />}
          {view.name === 'create' && <CreateHook />}
          {view.name === 'hook' && <HookDetail id={view.id} tab={view.tab} />}
          {view.name === 'delivery' && <RequestDetail hookId={view.hookId} id={view.id} />}
          {view.name === 'receiver' && <Receiver />}
          {view.name === 'about' && <About />}
        </ScreenBoundary>
      </main>
      <Toasts />
      <LeaveGuard />
    </div>
  );
}

/**
 * On arriving at another screen (not another tab), its heading takes focus when what had focus
 * left with the old screen: keyboard and screen-reader users start at its top, not at the window.
 * A screen that focuses something itself (the row a list was left at) keeps that.
 */
function useHeadingFocus(screen: string) {
  // The screen the window opened on keeps the browser's own start.
  const shown = useRef(screen);
  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && document.contains(active)) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [screen]);
}

function Banners() {
  const banners = useNotices((state) => state.banners);
  const dismissBanner = useNotices((state) => state.dismissBanner);
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
