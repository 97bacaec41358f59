import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { APP_CONFIG, AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const logger = new Logger('bootstrap');
  logger.log(`API:     ${url}/api`);
  logger.log(`Swagger: ${url}/api/docs`);
  logger.log(`数据库:  ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
}

void bootstrap();
