import type { UserManager } from 'oidc-client-ts';

export interface OidcSettings {
  authority: string;
  clientId: string;
  scope: string;
}

const REDIRECT_PATH = '/connexion/retour';

/** What this tab keeps during the redirect (sessionStorage): the settings, and the pending request's state. */
const PREFIX = 'crm.oidc.';
const SETTINGS_KEY = `${PREFIX}settings`;

/** Why a sign-in through the provider did not finish. */
export type OidcFailure =
  /** The answer names no request started in this tab (tampered or replayed state, callback opened elsewhere). */
  | { reason: 'unmatched' }
  /** The provider answered an error (access_denied at its sign-in, invalid_grant at its token endpoint…). */
  | { reason: 'provider'; error: string }
  /** Anything else: the provider unreachable, an answer that does not validate. */
  | { reason: 'failed' };

export class OidcSignInError extends Error {
  constructor(readonly failure: OidcFailure) {
    super(failure.reason);
    this.name = 'OidcSignInError';
  }
}

/**
 * OpenID Connect Authorization Code with PKCE (oidc-client-ts, loaded only when a provider is configured).
 * Tokens are kept in an in-memory store: never in web storage. The pending request's state and PKCE verifier wait
 * in this tab's sessionStorage during the redirect (oidc-client-ts would use localStorage, shared by every tab
 * and kept after the browser closes), and are removed when the sign-in ends, whether it succeeds or not.
 */
async function manager(settings: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: `${window.location.origin}${REDIRECT_PATH}`,
    response_type: 'code',
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: PREFIX }),
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/** Loads oidc-client-ts ahead of the click, so the redirect does not wait for it. */
export function preloadOidc(): void {
  void import('oidc-client-ts');
}

export async function startOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  forgetPendingSignIns();
  // The callback page needs the same settings to finish (not a secret).
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  await (await manager(settings)).signinRedirect({ state: { returnTo } });
}

/**
 * Finishes the redirect: checks that the answer's state is the one this tab sent, then exchanges the code (with
 * the PKCE verifier) for tokens. Answers the access token and the email the provider named; rejects with an
 * OidcSignInError. Whatever happens, nothing of the sign-in stays in sessionStorage.
 */
export async function finishOidcSignIn(): Promise<{ accessToken: string; email: string | null; returnTo: string }> {
  try {
    const saved = sessionStorage.getItem(SETTINGS_KEY);
    const state = new URLSearchParams(window.location.search).get('state');
    if (!saved || !state || sessionStorage.getItem(`${PREFIX}${state}`) === null) throw new OidcSignInError({ reason: 'unmatched' });
    const oidc = await manager(JSON.parse(saved) as OidcSettings);
    const user = await oidc.signinRedirectCallback().catch((error: unknown) => {
      const providerError = (error as { name?: string; error?: unknown }).name === 'ErrorResponse' ? (error as { error?: unknown }).error : undefined;
      throw new OidcSignInError(typeof providerError === 'string' ? { reason: 'provider', error: providerError } : { reason: 'failed' });
    });
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    const email = typeof user.profile.email === 'string' ? user.profile.email : null;
    return { accessToken: user.access_token, email, returnTo: returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/' };
  } finally {
    forgetPendingSignIns();
  }
}

/** Removes the settings and every pending request's state and verifier from this tab's sessionStorage. */
function forgetPendingSignIns(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
