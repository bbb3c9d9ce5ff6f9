import { type ReactNode, useEffect, useRef } from 'react';

type Props = {
  label: string;
  wide?: boolean;
  onClose(): void;
  children: ReactNode;
};

const FOCUSABLE = 'button:not([disabled]), select, textarea, input:not([type="hidden"]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal: Escape or the backdrop closes it, focus moves into it when it opens (to the element
 * marked data-autofocus, else the first control), stays inside on Tab, and returns where it was.
 */
export function Dialog({ label, wide, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Callers pass a new onClose each render; reading it through a ref keeps focus from being reset while typing.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
      if (event.key !== 'Tab' || !box.current) return;
      const controls = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const [head, tail] = [controls[0], controls.at(-1)];
      if (event.shiftKey && document.activeElement === head) {
        event.preventDefault();
        tail?.focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);

  return (
    <div className="backdrop" onClick={onClose}>
      <div
        ref={box}
        className={`dialog${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onClick={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
