import { type ReactNode, useEffect, useRef } from 'react';

type Props = {
  label: string;
  wide?: boolean;
  onClose(): void;
  children: ReactNode;
};

/**
 * A modal on the native `<dialog>`: `showModal` makes the rest of the page inert and keeps Tab
 * inside; Escape (the dialog's cancel) or a click on the backdrop closes it. Focus starts on the
 * element marked data-autofocus (else the browser's first control) and returns where it was.
 */
export function Dialog({ label, wide, onClose, children }: Props) {
  const box = useRef<HTMLDialogElement>(null);
  // Callers pass a new onClose each render; reading it through a ref keeps the dialog from reopening while typing.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = box.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    // A click whose target is the dialog itself landed on its backdrop (its content fills the box).
    const onBackdrop = (event: MouseEvent) => {
      if (event.target === dialog) close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('click', onBackdrop);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('click', onBackdrop);
      dialog.close();
      before?.focus?.();
    };
  }, []);

  return (
    <dialog ref={box} className={`dialog${wide ? ' wide' : ''}`} aria-label={label}>
      <div className="dialog-content">{children}</div>
    </dialog>
  );
}
