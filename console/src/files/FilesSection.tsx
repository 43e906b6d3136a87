import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  AdvisorListDocument,
  CloseAccompanimentDocument,
  CompanyPageDocument,
  FileInteractionsDocument,
  LogInteractionDocument,
  MyWorklistDocument,
  OpenAccompanimentDocument,
  PutAccompanimentOnHoldDocument,
  ReassignAccompanimentDocument,
  ResumeAccompanimentDocument,
  type ClosingOutcome,
  type InteractionKind,
  type InteractionMode,
  type ServiceLevel,
  type Theme,
} from '../../../operations/generated';
import { useGqlMutation, useGqlPages, useGqlQuery } from '../api/hooks';
import { todayInQuebec } from '../app/dates';
import type { Me } from '../app/me';
import type { CompanyData } from '../companies/CompanyPage';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { CheckboxGroup, ErrorSummary, fieldError, SelectField, TextArea, TextField, useEnumOptions } from '../ui/forms';
import { LoadMore, QueryState } from '../ui/status';

type File = CompanyData['accompaniments'][number];

const KINDS: InteractionKind[] = ['CALL', 'MEETING', 'EMAIL', 'SITE_VISIT', 'INFORMATION_SESSION', 'OTHER'];
const MODES: InteractionMode[] = ['PHONE', 'IN_PERSON', 'VIRTUAL', 'EMAIL'];
const OUTCOMES: ClosingOutcome[] = ['NEEDS_MET', 'NO_LONGER_NEEDED', 'REFERRED_ELSEWHERE', 'UNREACHABLE', 'OTHER'];
const LEVELS: ServiceLevel[] = ['INFORMATION', 'REFERRAL', 'PERSONALIZED'];
const THEMES: Theme[] = ['ATTRACTION', 'RECRUITMENT', 'WELCOME', 'INTEGRATION', 'RETENTION', 'IMMIGRATION_PROCEDURES'];
const REFRESH = [CompanyPageDocument, MyWorklistDocument, FileInteractionsDocument];

/** The company's files in one's regions, each with its actions, its interactions and the form to log one. */
export function FilesSection({ company, me, focusFileId }: { company: CompanyData; me: Me; focusFileId: string | null }) {
  const { t } = useI18n();
  return (
    <section id="dossiers" aria-labelledby="files-title" className="card">
      <div className="section-head">
        <h2 id="files-title">{t('files.title')}</h2>
      </div>
      {company.accompaniments.length === 0 ? <p className="empty">{t('files.empty')}</p> : null}
      {company.accompaniments.map((file) => (
        <FileCard key={file.id} file={file} me={me} focused={file.id === focusFileId} />
      ))}
      <OpenFile company={company} />
    </section>
  );
}

function FileCard({ file, me, focused }: { file: File; me: Me; focused: boolean }) {
  const { t, label, date } = useI18n();
  const headingId = `file-${file.id}`;
  return (
    <article className={`file status-${file.status}${focused ? ' file--focused' : ''}`} aria-labelledby={headingId} data-testid="file">
      <h3 id={headingId}>
        {t('files.file', { region: file.region.name, date: date(file.openedOn) })}{' '}
        <span className={`badge status-badge status-${file.status}`}>{label('AccompanimentStatus', file.status)}</span>
      </h3>
      <dl className="facts">
        <div><dt>{t('files.serviceLevel')}</dt><dd>{label('ServiceLevel', file.serviceLevel)}</dd></div>
        <div><dt>{t('files.themes')}</dt><dd>{file.themes.map((theme) => label('Theme', theme)).join(', ')}</dd></div>
        <div><dt>{t('files.advisor')}</dt><dd>{file.advisor.fullName}</dd></div>
        {file.closedOn ? <div><dt>{t('files.closedOn')}</dt><dd>{date(file.closedOn)}{file.outcome ? ` — ${label('ClosingOutcome', file.outcome)}` : ''}</dd></div> : null}
      </dl>
      {file.status !== 'CLOSED' ? <FileActions file={file} me={me} /> : null}
      {file.status !== 'CLOSED' ? <LogInteraction file={file} autoFocus={focused} /> : null}
      <Timeline file={file} />
    </article>
  );
}

function FileActions({ file, me }: { file: File; me: Me }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const hold = useGqlMutation(PutAccompanimentOnHoldDocument, { invalidates: REFRESH });
  const resume = useGqlMutation(ResumeAccompanimentDocument, { invalidates: REFRESH });
  const close = useGqlMutation(CloseAccompanimentDocument, { invalidates: REFRESH });
  const reassign = useGqlMutation(ReassignAccompanimentDocument, { invalidates: REFRESH });
  const [closedOn, setClosedOn] = useState(todayInQuebec());
  const [outcome, setOutcome] = useState('');
  const [advisorId, setAdvisorId] = useState('');
  const canReassign = me.role === 'MANAGER' || me.role === 'ADMIN';
  const advisors = useGqlQuery(AdvisorListDocument, { filter: { regionCode: file.regionCode, active: true, role: 'ADVISOR' }, first: 100 }, { enabled: canReassign });
  const error = hold.error ?? resume.error ?? close.error ?? reassign.error;
  return (
    <div className="file-actions" role="group" aria-label={t('app.actions')}>
      <ErrorSummary error={error} />
      {file.status === 'OPEN' ? (
        <button type="button" disabled={hold.isPending} onClick={() => hold.mutate({ input: { id: file.id, version: file.version } })}>{t('files.hold')}</button>
      ) : null}
      {file.status === 'ON_HOLD' ? (
        <button type="button" disabled={resume.isPending} onClick={() => resume.mutate({ input: { id: file.id, version: file.version } })}>{t('files.resume')}</button>
      ) : null}
      <Disclosure label={t('files.closeFile')}>
        {() => (
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              close.mutate({ input: { id: file.id, version: file.version, closedOn, outcome: (outcome || null) as ClosingOutcome | null } });
            }}
          >
            <TextField label={t('files.closeDate')} type="date" required value={closedOn} onChange={(e) => setClosedOn(e.target.value)} error={fieldError(close.error, 'closedOn')} />
            <SelectField label={t('files.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder="—" options={enumOptions('ClosingOutcome', OUTCOMES)} />
            <button type="submit" className="primary" disabled={close.isPending}>{t('files.closeFile')}</button>
          </form>
        )}
      </Disclosure>
      {canReassign ? (
        <Disclosure label={t('files.reassign')}>
          {() => (
            <form
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (advisorId) reassign.mutate({ input: { id: file.id, version: file.version, advisorId } });
              }}
            >
              <SelectField
                label={t('files.reassignTo')}
                required
                value={advisorId}
                onChange={(e) => setAdvisorId(e.target.value)}
                placeholder=""
                options={(advisors.data?.advisors.edges ?? []).map(({ node }) => ({ value: node.id, label: node.fullName }))}
              />
              <button type="submit" className="primary" disabled={reassign.isPending || !advisorId}>{t('files.reassign')}</button>
            </form>
          )}
        </Disclosure>
      ) : null}
    </div>
  );
}

/** The interaction form, in the order an advisor fills it from the keyboard; sensible defaults (today, a call). */
function LogInteraction({ file, autoFocus }: { file: File; autoFocus: boolean }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const empty = { occurredOn: todayInQuebec(), kind: 'CALL', mode: 'PHONE', durationMinutes: '30', summary: '' };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const log = useGqlMutation(LogInteractionDocument, {
    invalidates: REFRESH,
    onSuccess: () => {
      setForm(empty);
      setDone(true);
    },
  });
  useEffect(() => {
    if (autoFocus) {
      first.current?.focus();
      first.current?.scrollIntoView({ block: 'center' });
    }
  }, [autoFocus]);
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => {
    setDone(false);
    setForm({ ...form, [field]: e.target.value });
  };
  const id = `log-${file.id}`;
  return (
    <form
      className="log-interaction"
      aria-labelledby={id}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        log.mutate({
          input: {
            accompanimentId: file.id,
            occurredOn: form.occurredOn,
            kind: form.kind as InteractionKind,
            mode: form.mode as InteractionMode,
            durationMinutes: Number(form.durationMinutes),
            summary: form.summary.trim(),
          },
        });
      }}
    >
      <h4 id={id}>{t('interaction.log')}</h4>
      <ErrorSummary error={log.error} />
      <div className="form-grid form-grid--compact">
        <SelectField ref={first} label={t('interaction.kind')} required value={form.kind} onChange={set('kind')} options={enumOptions('InteractionKind', KINDS)} />
        <SelectField label={t('interaction.mode')} required value={form.mode} onChange={set('mode')} options={enumOptions('InteractionMode', MODES)} />
        <TextField label={t('interaction.occurredOn')} type="date" required value={form.occurredOn} max={todayInQuebec()} onChange={set('occurredOn')} error={fieldError(log.error, 'occurredOn')} />
        <TextField label={t('interaction.duration')} type="number" min={1} max={1440} required value={form.durationMinutes} onChange={set('durationMinutes')} error={fieldError(log.error, 'durationMinutes')} />
      </div>
      <TextArea label={t('interaction.summary')} required rows={3} maxLength={4000} value={form.summary} onChange={set('summary')} error={fieldError(log.error, 'summary')} />
      <button type="submit" className="primary" disabled={log.isPending}>{t('interaction.submit')}</button>
      {done ? <p className="alert alert--success" role="status">{t('interaction.logged')}</p> : null}
    </form>
  );
}

/** Interactions per "Afficher plus" once the person asks for more than the first page. */
const TIMELINE_PAGE = 20;

/**
 * The file's interactions, most recent first: the first ones come with the company page's own request; asking for
 * more reads the file's interactions by cursor (FileInteractions), TIMELINE_PAGE at a time.
 */
function Timeline({ file }: { file: File }) {
  const { t, label, date } = useI18n();
  const [more, setMore] = useState(false);
  const pages = useGqlPages(FileInteractionsDocument, { accompanimentId: file.id, first: TIMELINE_PAGE }, (r) => r.interactions, { enabled: more });
  const paged = more && pages.data !== undefined;
  const nodes = paged ? pages.nodes : file.interactions;
  const total = paged ? pages.totalCount : file.interactionCount;
  return (
    <div className="timeline">
      <h4>{t('files.timeline')} <span className="muted">({t('files.interactions', { count: file.interactionCount })})</span></h4>
      <QueryState loading={false} error={pages.error}>
        {nodes.length === 0 ? <p className="empty">{t('files.timelineEmpty')}</p> : (
          <ol className="timeline-list" data-testid="timeline">
            {nodes.map((i) => (
              <li key={i.id}>
                <p className="timeline-head">
                  <time dateTime={i.occurredOn}>{date(i.occurredOn)}</time> — {label('InteractionKind', i.kind)} ({label('InteractionMode', i.mode)}),{' '}
                  {t('interaction.by', { name: i.advisor.fullName, minutes: i.durationMinutes })}
                </p>
                <p className="timeline-summary">{i.summary}</p>
              </li>
            ))}
          </ol>
        )}
        {more || total > nodes.length ? (
          <LoadMore
            shown={nodes.length}
            total={total}
            hasMore={paged ? pages.hasNextPage : total > nodes.length}
            loading={more && (pages.isPending || pages.isFetchingNextPage)}
            onMore={() => (paged ? void pages.fetchNextPage() : setMore(true))}
          />
        ) : null}
      </QueryState>
    </div>
  );
}

function OpenFile({ company }: { company: CompanyData }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const [serviceLevel, setServiceLevel] = useState('PERSONALIZED');
  const [themes, setThemes] = useState<string[]>([]);
  const open = useGqlMutation(OpenAccompanimentDocument, { invalidates: REFRESH });
  return (
    <Disclosure label={t('files.open')}>
      {(close) => (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            open.mutate(
              { input: { companyId: company.id, serviceLevel: serviceLevel as ServiceLevel, themes: themes as Theme[] } },
              { onSuccess: close },
            );
          }}
        >
          <ErrorSummary error={open.error} />
          <SelectField label={t('files.serviceLevel')} required value={serviceLevel} onChange={(e) => setServiceLevel(e.target.value)} options={enumOptions('ServiceLevel', LEVELS)} />
          <CheckboxGroup legend={t('files.themes')} options={enumOptions('Theme', THEMES)} value={themes} onChange={setThemes} error={fieldError(open.error, 'themes')} />
          <button type="submit" className="primary" disabled={open.isPending}>{t('files.open')}</button>
        </form>
      )}
    </Disclosure>
  );
}
