import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module';
import { SessionEntity } from '../auth/session.entity';
import { SessionsService } from '../auth/sessions.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts (/api/users) and their sessions. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity]), AgenciesModule],
  controllers: [UsersController],
  providers: [UsersService, SessionsService],
  exports: [UsersService, SessionsService],
})
export class UsersModule {}
