import { Module } from '@nestjs/common';
import { BiExportService } from './bi-export.service.js';
import { ExportsController } from './exports.controller.js';

/** CSV downloads of the bi views (reporting level: reads the views, imports no domain module). */
@Module({ providers: [BiExportService], controllers: [ExportsController], exports: [BiExportService] })
export class ExportsModule {}
