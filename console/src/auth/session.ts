/**
 * The signed-in person's token, in memory only: never in localStorage, sessionStorage, cookies or URLs. A reload
 * signs out (with an OpenID Connect provider, signing in again is one redirect).
 */
export type SignInMethod = 'development' | 'oidc' | 'token';

interface State {
  token: string | null;
  method: SignInMethod | null;
  /** Why the last session ended, shown on the sign-in page. */
  ended: 'expired' | 'signedOut' | null;
}

let state: State = { token: null, method: null, ended: null };
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  token: (): string | null => state.token,
  snapshot: (): State => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(token: string, method: SignInMethod): void {
    set({ token, method, ended: null });
  },
  signOut(): void {
    set({ token: null, method: null, ended: 'signedOut' });
  },
  /** The API said the token is no longer valid (expired, account deactivated). */
  expire(): void {
    if (state.token) set({ token: null, method: null, ended: 'expired' });
  },
};
