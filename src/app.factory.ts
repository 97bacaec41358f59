import 'reflect-metadata';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
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
import { serveWebApp } from './web/serve-web-app';

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
  // upgrade-insecure-requests only where the service is reached over HTTPS (the embedded setup is plain HTTP on loopback)
  express.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.cookieSecure ? [] : null } } }));
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Content-Disposition'] });
  }
  express.use(cookieParser());
  express.use(rejectUnsupportedBodies(`/${API_PREFIX}`));
  // express.json directly: Nest's useBodyParser does not pass `verify` through
  express.use(json({ limit: config.bodyLimit, verify: verifyUtf8 }));
  express.use(jsonGuardMiddleware);
  app.useGlobalFilters(new ApiExceptionFilter((fault) => recoverStorage(fault, dataSourceOf(app))));
  // The web app (web/dist) at `/`, when built; everything else outside /api falls through to the JSON 404 below.
  serveWebApp(express, API_PREFIX);
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
  answerOversizedHeadersInShape(app);
  app.enableShutdownHooks();
  if (config.swagger) setupSwagger(app);
  return app;
}

/**
 * Node itself refuses a request whose headers exceed 16 KB (a very long URL or cookie) before express sees it, and
 * its default answer is a bare 431. Answer in the API's error shape instead.
 */
function answerOversizedHeadersInShape(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  server.removeAllListeners('clientError');
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body: ApiErrorBody = tooLarge
      ? { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: '请求头或网址过长（上限约 16 KB）；请缩短查询参数', errors: [] }
      : { statusCode: 400, code: 'BAD_REQUEST', message: '请求格式有误，无法解析', errors: [] };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'POST /api/auth/login 返回的 token' })
    .addSecurityRequirements('bearer')
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
