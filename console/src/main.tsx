import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './app/App';
import { session } from './auth/session';
import { currentLocale } from './i18n/locale';
import './styles/app.css';

document.documentElement.lang = currentLocale() === 'en' ? 'en-CA' : 'fr-CA';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT…) will not change by asking again.
      retry: (count, error) => count < 2 && error instanceof ApiError && ['NETWORK', 'SERVICE_UNAVAILABLE'].includes(error.code),
    },
  },
});

// One person's data never shows to the next: the cache goes with the token.
let lastToken = session.token();
session.subscribe(() => {
  if (session.token() !== lastToken) queryClient.clear();
  lastToken = session.token();
});

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
