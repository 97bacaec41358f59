/**
 * DataSource for the TypeORM CLI (after `npm run build`):
 *   npx typeorm -d dist/src/database/data-source.js migration:show
 *   npx typeorm -d dist/src/database/data-source.js migration:run
 * It reads DATABASE_URL exactly as the server does.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

const config = loadAppConfig();

// the TypeORM CLI requires exactly one exported DataSource
export default new DataSource(databaseOptions(config.databaseUrl, { logging: config.dbLogging }));
