import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { HealthController } from './health.controller';

@Module({ imports: [ReviewModule], controllers: [HealthController] })
export class HealthModule {}
