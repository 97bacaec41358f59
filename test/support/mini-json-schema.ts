/**
 * A small JSON Schema (draft-07) checker for the keywords docs/case-file.schema.json uses — enough to prove in
 * tests that real case files satisfy the published schema and that broken ones do not. (No JSON Schema library is
 * installed; this is not a general implementation.)
 */
type Schema = Record<string, any>;

const SUPPORTED = new Set([
  '$schema', '$id', '$ref', 'title', 'description', 'examples', 'definitions', 'allOf', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'minItems', 'maxItems', 'enum', 'const', 'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'multipleOf', 'format',
]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      throw new Error('unsupported type ' + type);
  }
}

export function schemaErrors(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    if (!m || !root.definitions?.[m[1]]) throw new Error('unresolvable $ref ' + ref);
    return root.definitions[m[1]];
  };
  const check = (s: Schema, v: unknown, path: string): void => {
    for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
    if (s.$ref) check(resolve(s.$ref), v, path);
    for (const sub of s.allOf ?? []) check(sub, v, path);
    if (s.type && !typeOk(s.type, v)) {
      errors.push(`${path}: expected ${s.type}`);
      return;
    }
    if (s.const !== undefined && v !== s.const) errors.push(`${path}: expected const ${s.const}`);
    if (s.enum && !s.enum.includes(v)) errors.push(`${path}: not in enum`);
    if (typeof v === 'string') {
      if (s.minLength != null && [...v].length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
      if (s.maxLength != null && [...v].length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
      if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${path}: does not match ${s.pattern}`);
    }
    if (typeof v === 'number') {
      if (s.minimum != null && v < s.minimum) errors.push(`${path}: < ${s.minimum}`);
      if (s.maximum != null && v > s.maximum) errors.push(`${path}: > ${s.maximum}`);
      if (s.multipleOf != null) {
        const q = v / s.multipleOf;
        if (Math.abs(q - Math.round(q)) > 1e-6) errors.push(`${path}: not a multiple of ${s.multipleOf}`);
      }
    }
    if (Array.isArray(v)) {
      if (s.minItems != null && v.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
      if (s.maxItems != null && v.length > s.maxItems) errors.push(`${path}: more than ${s.maxItems} items`);
      if (s.items) v.forEach((x, i) => check(s.items, x, `${path}[${i}]`));
    }
    if (typeOk('object', v) && (s.properties || s.required)) {
      const o = v as Record<string, unknown>;
      for (const r of s.required ?? []) if (o[r] === undefined) errors.push(`${path}.${r}: required`);
      for (const [k, x] of Object.entries(o)) {
        if (s.properties?.[k]) check(s.properties[k], x, `${path}.${k}`);
        else if (s.additionalProperties === false) errors.push(`${path}.${k}: additional property`);
      }
    }
  };
  check(root, value, '$');
  return errors;
}
