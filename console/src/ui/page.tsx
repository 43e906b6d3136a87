import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A page: sets the document's title and, after a navigation, moves focus to its heading so screen readers
 * announce the new page (the console never reloads).
 */
export function Page({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('nav, .skip-link')) heading.current?.focus();
  }, []);
  return (
    <div className={className}>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
