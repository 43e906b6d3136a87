import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator.js';
import { localeFromAcceptLanguage } from '../i18n/locale.js';
import type { GraphQLContext } from './graphql-context.js';
import { RequestLoaders } from '../database/batch-loaders.js';
import { ListCompiler } from './compiled-lists/list-compiler.js';

@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly lists: ListCompiler,
  ) {}

  async create(req: Request, res: Response): Promise<GraphQLContext> {
    const requestId = String((req as Request & { id?: unknown }).id ?? randomUUID());
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const auth = await this.authenticator.authenticate(req.headers.authorization, requestId, locale);
    const loaders = new RequestLoaders('context' in auth ? auth.context : null);
    return { req, res, requestId, locale, auth, loaders, lists: this.lists };
  }
}
