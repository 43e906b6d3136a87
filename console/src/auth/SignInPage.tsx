import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import {
  DevelopmentSignInAdvisorsDocument,
  DevelopmentSignInDocument,
  MeDocument,
  SignInOptionsDocument,
} from '../../../operations/generated';
import { ApiError, execute, executeWithToken } from '../api/client';
import { useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { TextArea } from '../ui/forms';
import { Page } from '../ui/page';
import { QueryState } from '../ui/status';
import { preloadOidc, startOidcSignIn, type OidcSettings } from './oidc';
import { session } from './session';
import { useStartSession } from './use-start-session';

/**
 * Sign-in: the OpenID Connect provider when one is configured; in development, a picker of demo people; and
 * always a token pasted by hand (how an HS256-only deployment's people sign in: `npm run token`).
 */
export function SignInPage() {
  const { t, label } = useI18n();
  const [location] = useLocation();
  const { ended } = useSyncExternalStore(session.subscribe, session.snapshot);
  const options = useGqlQuery(SignInOptionsDocument, {});
  const dev = options.data?.signInOptions.developmentSignIn ?? false;
  const advisors = useGqlQuery(DevelopmentSignInAdvisorsDocument, {}, { enabled: dev });
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startSession = useStartSession();
  const returnTo = location.startsWith('/connexion') ? '/' : location;

  const signInWith = async (candidate: string, method: 'development' | 'token') => {
    setBusy(true);
    setProblem(null);
    try {
      startSession(candidate, method, await executeWithToken(candidate, MeDocument));
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? t('signIn.invalidToken') : String((error as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const development = async (email: string) => {
    setBusy(true);
    try {
      const { developmentSignIn } = await execute(DevelopmentSignInDocument, { email });
      await signInWith(developmentSignIn.token, 'development');
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) void signInWith(token.trim(), 'token');
  };

  const oidc = options.data?.signInOptions.oidc;
  useEffect(() => {
    if (oidc) preloadOidc();
  }, [oidc]);

  const providerSignIn = async (settings: OidcSettings) => {
    setBusy(true);
    setProblem(null);
    try {
      await startOidcSignIn(settings, returnTo); // the browser leaves for the provider
    } catch {
      setProblem(t('signIn.oidcUnreachable'));
      setBusy(false);
    }
  };
  return (
    <Page title={t('signIn.title')} className="sign-in">
      <p>{t('signIn.intro')}</p>
      {ended === 'expired' ? <p className="alert alert--info" role="status">{t('signIn.expired')}</p> : null}
      {ended === 'signedOut' ? <p className="alert alert--info" role="status">{t('signIn.signedOut')}</p> : null}
      {problem ? <p className="alert alert--error" role="alert">{problem}</p> : null}
      <QueryState loading={options.isPending} error={options.error} retry={() => void options.refetch()}>
        {oidc ? (
          <section className="card" aria-labelledby="oidc-title">
            <h2 id="oidc-title">{t('signIn.oidc')}</h2>
            <button type="button" className="primary" disabled={busy} onClick={() => void providerSignIn(oidc)}>
              {t('signIn.oidc')}
            </button>
          </section>
        ) : null}
        {dev ? (
          <section className="card" aria-labelledby="dev-title">
            <h2 id="dev-title">{t('signIn.development')}</h2>
            <p>{t('signIn.developmentHelp')}</p>
            <QueryState loading={advisors.isPending} error={advisors.error}>
              <ul className="person-list">
                {advisors.data?.developmentSignInAdvisors.map((person) => (
                  <li key={person.email}>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void development(person.email)}
                    >
                      <span className="person-name">
                        <span className="visually-hidden">{t('signIn.developmentAs')} </span>
                        {person.fullName}
                      </span>
                      <span className="person-meta">
                        {label('Role', person.role)}
                        {person.regionCodes.length ? ` · ${person.regionCodes.join(', ')}` : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </QueryState>
          </section>
        ) : null}
        <section className="card" aria-labelledby="token-title">
          <h2 id="token-title">{t('signIn.token')}</h2>
          <form onSubmit={submitToken}>
            <TextArea
              label={t('signIn.tokenLabel')}
              help={t('signIn.tokenHelp')}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              rows={3}
              spellCheck={false}
              autoComplete="off"
            />
            <button type="submit" disabled={busy || !token.trim()}>{t('signIn.tokenSubmit')}</button>
          </form>
        </section>
      </QueryState>
    </Page>
  );
}
