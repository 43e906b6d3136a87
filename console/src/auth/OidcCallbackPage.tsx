import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { MeDocument } from '../../../operations/generated';
import { ApiError, executeWithToken } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { finishOidcSignIn, OidcSignInError } from './oidc';
import { useStartSession } from './use-start-session';

type Refusal =
  | { reason: 'unmatched' | 'failed' }
  | { reason: 'provider'; error: string }
  /** The provider named someone, and the CRM refused them (unknown or deactivated advisor, token not accepted). */
  | { reason: 'api'; email: string | null; message: string };

/**
 * /connexion/retour: the provider sends the browser back here with a code, exchanged once for the token. The
 * session starts only once the API has accepted the token; otherwise the page says why, and no token is kept.
 */
export function OidcCallbackPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const started = useRef(false);
  const startSession = useStartSession();
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const refuse = (why: Refusal) => {
      // The code and state leave the address (and the history entry) at once.
      window.history.replaceState(null, '', '/connexion/retour');
      setRefusal(why);
    };
    finishOidcSignIn()
      .then(async ({ accessToken, email, returnTo }) => {
        let me;
        try {
          me = await executeWithToken(accessToken, MeDocument);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return refuse({ reason: 'api', email, message: error.message });
          throw error;
        }
        startSession(accessToken, 'oidc', me);
        navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => refuse(error instanceof OidcSignInError ? error.failure : { reason: 'failed' }));
  }, [navigate, startSession]);
  if (!refusal) {
    return (
      <Page title={t('signIn.title')}>
        <p role="status">{t('signIn.oidcProgress')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('signIn.refused')}>
      <div className="alert alert--error" role="alert">
        {refusal.reason === 'api' ? (
          <>
            <p>{t('signIn.oidcNoAdvisor', { email: refusal.email ?? '—' })}</p>
            <p>{t('signIn.apiReason', { message: refusal.message })}</p>
          </>
        ) : null}
        {refusal.reason === 'provider' ? <p>{t('signIn.oidcProviderError', { error: refusal.error })}</p> : null}
        {refusal.reason === 'unmatched' ? <p>{t('signIn.oidcUnmatched')}</p> : null}
        {refusal.reason === 'failed' ? <p>{t('signIn.oidcFailed')}</p> : null}
      </div>
      <p><a href="/connexion">{t('signIn.backToSignIn')}</a></p>
    </Page>
  );
}
