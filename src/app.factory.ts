import 'reflect-metadata';
import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { ApiErrorBody } from './common/errors';
import { jsonGuardMiddleware, rejectUnsupportedBodies, verifyUtf8 } from './common/request-guards';
import { extendOpenApi } from './common/openapi';
import { requestContextMiddleware } from './common/request-context';
import { recoverStorage } from './common/storage-fault';
import { APP_CONFIG, AppConfig } from './config/app-config';

export const API_PREFIX = 'api';
export const SWAGGER_PATH = 'api/docs';

/**
 * Everything about the app that is not a module: the `/api` prefix, security headers (helmet, no X-Powered-By),
 * CORS (only for CORS_ORIGINS), the request id, the session cookie parser, refusing non-JSON bodies (415), the
 * JSON body parser with its limit, strict UTF-8 and the depth/Unicode guard, the error filter that renders every
 * error as { statusCode, code, message, errors }, and Swagger at /api/docs (not in production unless SWAGGER=1).
 * main.ts and every e2e test call this, so they behave identically.
 */
export function configureApp(app: INestApplication, config: AppConfig = app.get<AppConfig>(APP_CONFIG)): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX);
  express.use(requestContextMiddleware);
  express.use(helmet());
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Content-Disposition'] });
  }
  express.use(cookieParser());
  express.use(rejectUnsupportedBodies(`/${API_PREFIX}`));
  // express.json directly: Nest's useBodyParser does not pass `verify` through
  express.use(json({ limit: config.bodyLimit, verify: verifyUtf8 }));
  express.use(jsonGuardMiddleware);
  app.useGlobalFilters(new ApiExceptionFilter((fault) => recoverStorage(fault, dataSourceOf(app))));
  // Paths outside /api never reach Nest's router; answer them in the same error shape instead of express's HTML 404.
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`)) return next();
    const body: ApiErrorBody = {
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: `接口不存在：${req.method} ${req.originalUrl}（所有接口均在 /${API_PREFIX} 之下，文档见 /${SWAGGER_PATH}）`,
      errors: [],
    };
    res.status(404).json(body);
  });
  app.enableShutdownHooks();
  if (config.swagger) setupSwagger(app);
  return app;
}

function dataSourceOf(app: INestApplication): DataSource | undefined {
  try {
    return app.get(DataSource, { strict: false });
  } catch {
    return undefined;
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('生态环境行政处罚案卷合规检查 API')
    .setDescription(
      '保存生态环境行政处罚案卷（卷宗 JSON），并依法检查其合规性。\n\n' +
        '所有错误响应的格式：`{ statusCode, code, message, errors: [{ path, code, message }] }` —— ' +
        '`code` 为英文代码，`message` 为中文说明，`errors[].path` 指出出错字段（如 `documents[3].service.servedOn`）。',
    )
    .setVersion('1.0')
    .build();
  return extendOpenApi(SwaggerModule.createDocument(app, options));
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup(SWAGGER_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${SWAGGER_PATH}-json`,
    customSiteTitle: '案卷合规检查 API',
  });
}

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
}

/** Create and configure the production app (no listen). The body parser is installed by configureApp. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  configureApp(app);
  return app;
}
