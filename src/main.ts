import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { APP_CONFIG, AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const logger = new Logger('bootstrap');
  let app: Awaited<ReturnType<typeof createApp>>;
  let config: AppConfig;
  try {
    app = await createApp();
    config = app.get<AppConfig>(APP_CONFIG);
    await app.listen(config.port, config.host);
  } catch (e) {
    // e.g. production without an admin account: say why, do not serve
    logger.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`API:     ${url}/api（监听 ${config.host}:${port}）`);
  if (config.swagger) logger.log(`Swagger: ${url}/api/docs`);
  logger.log(`数据库:  ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
}

void bootstrap();
