import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** What a page shows while its query loads or when it failed (announced to screen readers). */
export function QueryState({ loading, error, retry, children }: { loading: boolean; error: ApiError | null; retry?: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        <p><strong>{t('app.error')}</strong> : {error.message}</p>
        {retry ? <button type="button" onClick={retry}>{t('app.retry')}</button> : null}
      </div>
    );
  }
  if (loading) return <p role="status" className="loading">{t('app.loading')}</p>;
  return <>{children}</>;
}

/** "Afficher plus" under a cursor-paged list, with "n sur N". */
export function LoadMore({ shown, total, hasMore, loading, onMore }: { shown: number; total: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t, number } = useI18n();
  return (
    <div className="load-more">
      <p role="status">{t('app.showing', { shown: number(shown), total: number(total) })}</p>
      {hasMore ? (
        <button type="button" onClick={onMore} disabled={loading}>
          {loading ? t('app.loading') : t('app.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
