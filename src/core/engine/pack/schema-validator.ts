/**
 * A compact JSON-Schema validator — the subset rules/schema/rule.schema.json uses: type, enum, const, pattern,
 * minimum, maximum, minLength, minItems, required, properties, additionalProperties, items, $ref
 * (#/definitions/…), anyOf, allOf, and an OpenAPI-style `discriminator` (propertyName + mapping) that picks
 * the sub-schema by a property so errors name the right fields. Errors carry a JSON-pointer-like path.
 */

export interface SchemaError {
  path: string;
  message: string;
}

type Schema = Record<string, any>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export class SchemaValidator {
  constructor(private readonly root: Schema) {}

  validate(value: unknown, ref = '#'): SchemaError[] {
    const errors: SchemaError[] = [];
    this.check(this.resolve(ref), value, '', errors);
    return errors;
  }

  private resolve(ref: string): Schema {
    if (ref === '#') return this.root;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let cur: any = this.root;
    for (const part of ref.slice(2).split('/')) {
      cur = cur?.[part];
      if (cur === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return cur;
  }

  private check(schema: Schema, v: unknown, path: string, errors: SchemaError[]): void {
    if (schema.$ref) {
      this.check(this.resolve(schema.$ref), v, path, errors);
      // sibling keywords next to $ref are not used in our schema
      return;
    }
    const at = path || '/';
    if (schema.type !== undefined) {
      const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((t) => typeMatches(v, t))) {
        errors.push({ path: at, message: `应为 ${types.join('|')}，实际为 ${typeOf(v)}` });
        return;
      }
    }
    if (schema.const !== undefined && v !== schema.const) errors.push({ path: at, message: `应为 ${JSON.stringify(schema.const)}` });
    if (schema.enum && !schema.enum.includes(v))
      errors.push({ path: at, message: `取值 ${JSON.stringify(v)} 不在 ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(', ')} 之中` });
    if (typeof v === 'string') {
      if (schema.minLength !== undefined && v.length < schema.minLength) errors.push({ path: at, message: `长度不得少于 ${schema.minLength}` });
      if (schema.pattern && !new RegExp(schema.pattern).test(v)) errors.push({ path: at, message: `"${v}" 不符合格式 ${schema.pattern}` });
    }
    if (typeof v === 'number') {
      if (schema.minimum !== undefined && v < schema.minimum) errors.push({ path: at, message: `不得小于 ${schema.minimum}` });
      if (schema.maximum !== undefined && v > schema.maximum) errors.push({ path: at, message: `不得大于 ${schema.maximum}` });
    }
    if (Array.isArray(v)) {
      if (schema.minItems !== undefined && v.length < schema.minItems) errors.push({ path: at, message: `至少 ${schema.minItems} 项` });
      if (schema.items) v.forEach((item, i) => this.check(schema.items, item, `${path}/${i}`, errors));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      for (const key of schema.required ?? []) if (obj[key] === undefined) errors.push({ path: at, message: `缺少必填项 ${key}` });
      const props: Record<string, Schema> = schema.properties ?? {};
      for (const [key, val] of Object.entries(obj)) {
        if (props[key]) this.check(props[key], val, `${path}/${key}`, errors);
        else if (schema.additionalProperties === false) errors.push({ path: `${path}/${key}`, message: `未知字段 ${key}` });
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
          this.check(schema.additionalProperties, val, `${path}/${key}`, errors);
      }
      if (schema.discriminator) {
        const { propertyName, mapping } = schema.discriminator as { propertyName: string; mapping: Record<string, string> };
        const tag = obj[propertyName];
        if (typeof tag !== 'string' || !mapping[tag])
          errors.push({ path: `${path}/${propertyName}`, message: `取值 ${JSON.stringify(tag)} 不在 ${Object.keys(mapping).join(', ')} 之中` });
        else this.check(this.resolve(mapping[tag]), v, path, errors);
      }
    }
    if (schema.allOf) for (const s of schema.allOf) this.check(s, v, path, errors);
    if (schema.anyOf) {
      const branches = schema.anyOf.map((s: Schema) => {
        const e: SchemaError[] = [];
        this.check(s, v, path, e);
        return e;
      });
      if (!branches.some((e: SchemaError[]) => e.length === 0)) errors.push(...branches.sort((a: SchemaError[], b: SchemaError[]) => a.length - b.length)[0]);
    }
  }
}
