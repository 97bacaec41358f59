import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesController } from './agencies.controller';
import { AgencyEntity } from './agency.entity';
import { AgenciesService } from './agencies.service';

/** 执法机关树 (/api/agencies). AgenciesService is available to every module (cases are scoped by it). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity])],
  controllers: [AgenciesController],
  providers: [AgenciesService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
