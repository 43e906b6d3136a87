import { Module } from '@nestjs/common';
import { BiExportService } from './bi-export.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';

/** CSV downloads of the bi views (reporting level: reads the views, imports no domain module). */
@Module({ providers: [ExportsRepository, BiExportService], controllers: [ExportsController], exports: [BiExportService] })
export class ExportsModule {}
