import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Hooks that add to the OpenAPI document before /api/docs serves it (e.g. the generated case-file schemas).
 * A feature module registers its hook when it is loaded: `registerOpenApiExtender(fn)`.
 */
const extenders: Array<(doc: OpenAPIObject) => void> = [];

export function registerOpenApiExtender(fn: (doc: OpenAPIObject) => void): void {
  if (!extenders.includes(fn)) extenders.push(fn);
}

export function extendOpenApi(doc: OpenAPIObject): OpenAPIObject {
  for (const fn of extenders) fn(doc);
  return doc;
}
