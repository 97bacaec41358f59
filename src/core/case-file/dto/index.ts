export * from './case-file.dto';
export * from './case-info.dto';
export * from './document.dto';
export * from './education.dto';
export * from './file-index.dto';
export * from './people.dto';
export { fieldsOf, modelInfo, allModels, type FieldMeta, type FieldCheck } from './field';
