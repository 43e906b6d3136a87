import { Module } from '@nestjs/common';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { StartupService } from './startup.service.js';

@Module({ imports: [AdvisorsModule, DemoModule], providers: [StartupService], exports: [StartupService] })
export class StartupModule {}
