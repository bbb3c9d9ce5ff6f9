import { useEffect } from 'react';
import { useNavigation } from '../state/navigation';

/**
 * While `dirty`, leaving the screen asks first: in-app navigation through the store, and closing
 * the window through `beforeunload` (the shell turns that into a native question).
 */
export function useUnsavedGuard(dirty: boolean) {
  const setUnsaved = useNavigation((state) => state.setUnsaved);
  useEffect(() => {
    setUnsaved(dirty);
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setUnsaved(false);
    };
  }, [dirty, setUnsaved]);
}
