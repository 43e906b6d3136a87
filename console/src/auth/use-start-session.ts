import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { MeDocument, type MeQuery } from '../../../operations/generated';
import { queryKey } from '../api/hooks';
import { session, type SignInMethod } from './session';

/**
 * Starts the session with a token the API has just accepted, keeping the `me` it answered: the console needs it
 * first (role, regions), and asking again would add a request before the first page.
 */
export function useStartSession() {
  const client = useQueryClient();
  return useCallback(
    (token: string, method: SignInMethod, me: MeQuery) => {
      session.start(token, method); // clears the previous person's cache first (main.tsx)
      client.setQueryData(queryKey(MeDocument, {}), me);
    },
    [client],
  );
}
