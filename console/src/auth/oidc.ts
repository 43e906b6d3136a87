import type { UserManager } from 'oidc-client-ts';

export interface OidcSettings {
  authority: string;
  clientId: string;
  scope: string;
}

const REDIRECT_PATH = '/connexion/retour';

/**
 * OpenID Connect Authorization Code with PKCE (oidc-client-ts, loaded only when a provider is configured).
 * Tokens are kept in an in-memory store: never localStorage. Only the pending request's state and PKCE verifier
 * wait in sessionStorage during the redirect (no token), and the callback's code is removed from the address.
 */
async function manager(settings: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: `${window.location.origin}${REDIRECT_PATH}`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

const SETTINGS_KEY = 'crm.console.oidc';

export async function startOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  // The callback page needs the same settings to finish (not a secret).
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  await (await manager(settings)).signinRedirect({ state: { returnTo } });
}

/** Finishes the redirect: exchanges the code (with the PKCE verifier) for tokens; answers the access token. */
export async function finishOidcSignIn(): Promise<{ accessToken: string; returnTo: string }> {
  const saved = sessionStorage.getItem(SETTINGS_KEY);
  if (!saved) throw new Error('no sign-in in progress');
  const user = await (await manager(JSON.parse(saved) as OidcSettings)).signinRedirectCallback();
  const state = user.state as { returnTo?: string } | undefined;
  return { accessToken: user.access_token, returnTo: state?.returnTo?.startsWith('/') ? state.returnTo : '/' };
}
