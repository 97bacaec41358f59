import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDocumentTypes, documentTypeCatalog, loadDocumentTypes } from '../../src/core/domain/document-types';
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
    writeFileSync(
      join(dir, 'document-types.yaml'),
      [
        'version: t1',
        'stages: { handling: [education, other], fileOrder: [[education, other]] }',
        'groups: { records: { name: 记录, types: [education_record] } }',
        'types:',
        '  - { id: education_record, name: 普法教育记录, form: null, stage: education, servable: false, sealRequired: false }',
        '  - { id: only_one, name: 唯一, form: null, stage: other, servable: true, sealRequired: false }',
        '',
      ].join('\n'),
    );
    const before = process.env.RULES_DIR;
    process.env.RULES_DIR = dir;
    try {
      expect(defaultDocumentTypes().version).toBe('t1');
      expect(defaultDocumentTypes().all().map((t) => t.id)).toEqual(['education_record', 'only_one']);
      expect(defaultDocumentTypes().servable()).toEqual(['only_one']);
      expect(defaultDocumentTypes().group('records')).toEqual(['education_record']);
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
    expect(() =>
      documentTypeCatalog({
        version: '1',
        stages: { handling: ['decision', 'other'], fileOrder: [['decision'], ['elsewhere']] },
        groups: { decision: { name: '决定', types: ['penalty_decision', 'nope'] } },
        types: [{ id: 'penalty_decision', name: '行政处罚决定书', form: 17, stage: 'nowhere', servable: true, sealRequired: true }],
      }),
    ).toThrow(/stages\.fileOrder\[1\] 的阶段 elsewhere 不在 stages\.handling 中[\s\S]*stages\.fileOrder 缺少阶段 other[\s\S]*stage nowhere 不在 stages\.handling 中[\s\S]*缺少文书类型 education_record[\s\S]*groups\.decision 引用了未知文书类型 nope/);
  });

  it('holds the groups, stage orders and flags the rules and facts read (no type list in code)', () => {
    const types = loadDocumentTypes();
    for (const g of types.groups()) for (const t of g.types) expect(types.has(t)).toBe(true);
    expect(types.group('case_decision')).toEqual(['penalty_decision', 'no_penalty_decision', 'on_the_spot_decision']);
    expect(() => types.group('decisions')).toThrow(/没有文书组 decisions/);
    expect(types.servable()).toEqual(types.all().filter((t) => t.servable).map((t) => t.id));
    expect(types.servable()).toContain('penalty_decision');
    expect(types.sealRequired()).toContain('penalty_decision');
    // 办理顺序: 立案 before 告知 before 决定; unknown types last
    expect(types.handlingRank('filing_approval')).toBeLessThan(types.handlingRank('penalty_notice'));
    expect(types.handlingRank('penalty_notice')).toBeLessThan(types.handlingRank('penalty_decision'));
    expect(types.handlingRank('nope')).toBe(types.handlingRank('other'));
    // 正卷缺省排列: 决定书 right after the cover; 立案 and 来源 share a rank
    expect(types.fileOrderRank('decision')).toBe(types.fileOrderRank('cover')! + 1);
    expect(types.fileOrderRank('filing')).toBe(types.fileOrderRank('source'));
    expect(types.get('education_record')?.stage).toBe('education');
  });
});
