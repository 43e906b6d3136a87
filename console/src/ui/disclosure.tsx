import { useId, useState, type ReactNode } from 'react';

/** A button that shows or hides a panel (aria-expanded), for forms that appear in place. */
export function Disclosure({ label, children, initiallyOpen = false, className }: { label: string; children: (close: () => void) => ReactNode; initiallyOpen?: boolean; className?: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className={`disclosure ${className ?? ''}`}>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>{label}</button>
      {open ? <div id={id} className="disclosure-panel">{children(() => setOpen(false))}</div> : null}
    </div>
  );
}
