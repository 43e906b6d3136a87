import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { finishOidcSignIn } from './oidc';
import { session } from './session';

/** /connexion/retour: the provider sends the browser back here with a code, exchanged once for the token. */
export function OidcCallbackPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    finishOidcSignIn()
      .then(({ accessToken, returnTo }) => {
        session.start(accessToken, 'oidc');
        navigate(returnTo, { replace: true });
      })
      .catch(() => {
        setFailed(true);
        window.history.replaceState(null, '', '/connexion/retour');
      });
  }, [navigate]);
  return (
    <Page title={t('signIn.title')}>
      {failed ? (
        <div className="alert alert--error" role="alert">
          <p>{t('signIn.oidcFailed')}</p>
          <p><a href="/connexion">{t('signIn.title')}</a></p>
        </div>
      ) : (
        <p role="status">{t('signIn.oidcProgress')}</p>
      )}
    </Page>
  );
}
