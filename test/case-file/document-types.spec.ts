import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDocumentTypes, documentTypeCatalog, loadDocumentTypes } from '../../src/core/case-file/document-types';
import { rulesDir } from '../../src/core/paths';

describe('document-type catalog', () => {
  it('loads rules/document-types.yaml', () => {
    const types = loadDocumentTypes();
    expect(types.version).toMatch(/\S/);
    expect(types.has('penalty_decision')).toBe(true);
    expect(types.get('penalty_decision')).toEqual({
      id: 'penalty_decision',
      name: '行政处罚决定书',
      form: 17,
      stage: 'decision',
      servable: true,
      sealRequired: true,
    });
    expect(types.get('legal_review_opinion')?.form).toBeNull();
    expect(types.has('nope')).toBe(false);
    expect(types.all().length).toBeGreaterThan(50);
    expect(new Set(types.all().map((t) => t.id)).size).toBe(types.all().length);
  });

  it('caches per folder, and the default catalog is the one of rulesDir()', () => {
    expect(loadDocumentTypes()).toBe(loadDocumentTypes(rulesDir()));
    expect(defaultDocumentTypes()).toBe(loadDocumentTypes(rulesDir()));
  });

  it('follows RULES_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctypes-'));
    writeFileSync(join(dir, 'document-types.yaml'), 'version: t1\ntypes:\n  - { id: only_one, name: 唯一, form: null, stage: other, servable: false, sealRequired: false }\n');
    const before = process.env.RULES_DIR;
    process.env.RULES_DIR = dir;
    try {
      expect(defaultDocumentTypes().version).toBe('t1');
      expect(defaultDocumentTypes().all().map((t) => t.id)).toEqual(['only_one']);
    } finally {
      if (before === undefined) delete process.env.RULES_DIR;
      else process.env.RULES_DIR = before;
    }
    expect(defaultDocumentTypes().has('penalty_decision')).toBe(true);
  });

  it('rejects a malformed catalog, listing every problem', () => {
    expect(() =>
      documentTypeCatalog({
        version: '1',
        types: [
          { id: 'a', name: 'A', form: null, stage: 'x', servable: false, sealRequired: false },
          { id: 'a', name: 'A2', form: 1.5, stage: 'x', servable: 'no', sealRequired: false },
          { id: 'Bad Id', name: 'B' },
        ],
      }),
    ).toThrow(/types\[1\]\.form 应为整数或 null（a）[\s\S]*types\[1\]\.servable 应为布尔值（a）[\s\S]*types\[1\]\.id 重复：a[\s\S]*types\[2\]\.id 无效/);
    expect(() => documentTypeCatalog({ types: [] })).toThrow(/缺少 version/);
  });
});
