import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseFileEntity } from './case-file.entity';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseFileEntity])],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
