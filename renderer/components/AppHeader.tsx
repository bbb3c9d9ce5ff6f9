import { useNavigation, type View } from '../state/navigation';

type Section = { label: string; view: View; holds(view: View): boolean };

/** Hooks and everything under them (a hook, its requests, a delivery, creating one) are one section. */
const sections: Section[] = [
  { label: 'Hooks', view: { name: 'list' }, holds: (view) => ['list', 'create', 'hook', 'delivery'].includes(view.name) },
  { label: 'Receiver', view: { name: 'receiver' }, holds: (view) => view.name === 'receiver' },
  { label: 'About', view: { name: 'about' }, holds: (view) => view.name === 'about' },
];

/** The app's top bar: every screen reachable by mouse and by Tab + Enter. */
export function AppHeader() {
  const view = useNavigation((state) => state.view);
  const go = useNavigation((state) => state.go);
  return (
    <header className="app-header">
      <span className="app-name">Hookbench</span>
      <nav aria-label="Sections">
        {sections.map((section) => (
          <button
            key={section.label}
            type="button"
            className="app-nav-item"
            aria-current={section.holds(view) ? 'page' : undefined}
            onClick={() => go(section.view)}
          >
            {section.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
