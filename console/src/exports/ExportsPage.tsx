import { useState, type FormEvent } from 'react';
import { fiscalYearsSinceDeployment } from '../app/dates';
import { session } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { currentLocale } from '../i18n/locale';
import { SelectField } from '../ui/forms';
import { Page } from '../ui/page';

/** The views of GET /exports/<view>.csv (the same names as `npm run export`). */
const VIEWS = [
  'employer-counts', 'dim-region', 'dim-company', 'dim-advisor', 'fact-accompaniment', 'fact-interaction',
  'fact-recruitment-need', 'fact-event-participation', 'fact-portail-referral',
];
/** Views with a fiscal year column that the export can filter on. */
const WITH_YEAR = new Set(VIEWS.filter((v) => v === 'employer-counts' || v.startsWith('fact-')));

/**
 * CSV downloads of the bi views. The token goes in the Authorization header of a same-origin fetch (never in
 * the URL); the file is handed to the browser as a blob.
 */
export default function ExportsPage() {
  const { t } = useI18n();
  const [view, setView] = useState(VIEWS[0]!);
  const [fiscalYear, setFiscalYear] = useState('');
  const [delimiter, setDelimiter] = useState(';');
  const [bom, setBom] = useState(true);
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: string | null }>({ busy: false, message: null, error: null });

  const download = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, message: null, error: null });
    const query = new URLSearchParams({ delimiter, bom: String(bom) });
    if (fiscalYear && WITH_YEAR.has(view)) query.set('fiscalYear', fiscalYear);
    try {
      const response = await fetch(`/exports/${view}.csv?${query}`, {
        headers: { authorization: `Bearer ${session.token() ?? ''}`, 'accept-language': currentLocale() },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
        throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      const file = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${view}.csv`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, message: t('exports.done', { file }), error: null });
    } catch (error) {
      setState({ busy: false, message: null, error: (error as Error).message });
    }
  };

  return (
    <Page title={t('exports.title')}>
      <p>{t('exports.intro')}</p>
      <form className="card narrow" onSubmit={(e) => void download(e)}>
        <SelectField label={t('exports.view')} value={view} onChange={(e) => setView(e.target.value)} options={VIEWS.map((v) => ({ value: v, label: v }))} />
        {WITH_YEAR.has(view) ? (
          <SelectField label={t('app.fiscalYear')} value={fiscalYear} onChange={(e) => setFiscalYear(e.target.value)} placeholder={t('exports.allYears')}
            options={fiscalYearsSinceDeployment().reverse().map((y) => ({ value: y, label: y }))} />
        ) : null}
        <SelectField label={t('exports.delimiter')} value={delimiter} onChange={(e) => setDelimiter(e.target.value)}
          options={[{ value: ';', label: t('exports.delimiter.semicolon') }, { value: ',', label: t('exports.delimiter.comma') }]} />
        <label className="checkbox"><input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> {t('exports.bom')}</label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={state.busy}>{state.busy ? t('exports.downloading') : t('exports.download')}</button>
        </div>
        {state.message ? <p className="alert alert--success" role="status">{state.message}</p> : null}
        {state.error ? <p className="alert alert--error" role="alert">{state.error}</p> : null}
      </form>
    </Page>
  );
}
