import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppModule } from '../app.module.js';
import { projectRoot } from '../common/project-root.js';
import { AppConfig } from '../config/app-config.js';
import { renderSchemaFile, SCHEMA_FILE } from '../graphql/print-schema.js';

/** Writes schema.graphql from the resolvers, without connecting to any database. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment({ ...process.env, NODE_ENV: 'development', DATABASE_URL: undefined });
  const app = await NestFactory.create(
    AppModule.forRoot(config, { url: 'postgres://unused@127.0.0.1/unused' }, false),
    { logger: ['error'] },
  );
  await app.init();
  const file = join(projectRoot(), SCHEMA_FILE);
  writeFileSync(file, renderSchemaFile(app.get(GraphQLSchemaHost).schema));
  await app.close();
  process.stdout.write(`${file} écrit\n`);
}

void main();
