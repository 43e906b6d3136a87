import { Module } from '@nestjs/common';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [AdvisorsModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
