import type { Request, Response } from 'express';
import type { Authentication } from '../auth/authenticator.js';
import type { Locale } from '../i18n/locale.js';
import type { RequestLoaders } from '../database/batch-loaders.js';
import type { ListCompiler } from './compiled-lists/list-compiler.js';

/** What every resolver can reach, built once per HTTP request. */
export interface GraphQLContext {
  req: Request;
  res: Response;
  requestId: string;
  locale: Locale;
  auth: Authentication;
  /** Per-request DataLoaders (batched, cached for this request only). */
  loaders: RequestLoaders;
  /** Compiles list selections into the page's statement (see ListNodes). */
  lists: ListCompiler;
}
