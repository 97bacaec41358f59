import type { OpenAPIObject } from '@nestjs/swagger';
import { caseFileSchemaDefinitions } from '../core/case-file/json-schema';

/** Add the generated case-file schemas (CaseFile, CaseDocument, ServiceInfo …) to the OpenAPI components. */
export function addCaseFileSchemas(doc: OpenAPIObject): void {
  const schemas = caseFileSchemaDefinitions('#/components/schemas/', { dialect: 'openapi' });
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), ...(schemas as NonNullable<OpenAPIObject['components']>['schemas']) };
}
