import { caseKey, caseNumberKey } from '../../src/core/case-file/case-number-key';
import { checkJsonValue, hasLoneSurrogate, isValidUtf8, MAX_JSON_DEPTH, parseJsonGuarded } from '../../src/core/case-file/json-guard';

describe('json-guard', () => {
  it('measures depth without recursion: 100,000 levels are refused, the limit itself is accepted', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(checkJsonValue(deep)).toEqual({ path: expect.any(String), code: 'TOO_DEEP', message: expect.stringContaining(String(MAX_JSON_DEPTH)) });
    const atLimit = JSON.parse('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
    expect(checkJsonValue(atLimit)).toBeUndefined();
    const over = JSON.parse('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    expect(checkJsonValue(over)?.code).toBe('TOO_DEEP');
  });

  it('names the path of a lone surrogate in a value or a key; pairs are fine', () => {
    expect(checkJsonValue({ case: { caseNumber: 'x\ud800' } })).toEqual({ path: 'case.caseNumber', code: 'INVALID_UNICODE', message: expect.any(String) });
    expect(checkJsonValue({ documents: [{ title: 'ok' }, { title: '\udc00' }] })?.path).toBe('documents[1].title');
    expect(checkJsonValue({ a: { ['k\ud800']: 1 } })?.path).toBe('a.k\ud800');
    expect(checkJsonValue({ a: '😀 表情', b: [1, null, true] })).toBeUndefined();
    expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
  });

  it('parses bytes strictly: invalid UTF-8, bad JSON and deep nesting are reported, a BOM is allowed', () => {
    expect(isValidUtf8(Buffer.from([0xc3, 0x28]))).toBe(false);
    expect(parseJsonGuarded(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toEqual({ ok: false, issue: expect.objectContaining({ code: 'INVALID_UTF8' }) });
    expect(parseJsonGuarded('{')).toEqual({ ok: false, issue: expect.objectContaining({ code: 'INVALID_JSON' }) });
    expect(parseJsonGuarded(Buffer.from('[' .repeat(9000) + ']'.repeat(9000)))).toEqual({ ok: false, issue: expect.objectContaining({ code: 'TOO_DEEP' }) });
    expect(parseJsonGuarded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"案"}')]))).toEqual({ ok: true, value: { a: '案' } });
  });
});

describe('case-number key', () => {
  it('makes look-alikes of one case number equal and keeps different numbers apart', () => {
    const key = caseNumberKey('益环罚〔2025〕12号');
    for (const v of ['益环罚〔2025〕12号 ', ' 益环罚〔2025〕12号', '益环罚\u200b〔2025〕12号', '益环罚〔２０２５〕１２号', '益环罚[2025]12号', '益环罚（2025）12号', '益环罚【2025】12号', '益环罚\u3000〔2025〕12号']) {
      expect(caseNumberKey(v)).toBe(key);
    }
    expect(caseNumberKey('益环罚〔2025〕13号')).not.toBe(key);
    expect(caseNumberKey('益环罚〔2024〕12号')).not.toBe(key);
    expect(caseNumberKey('\u200b\u200b')).toBe('');
    expect(caseKey('甲局 ', 'A-1')).toBe(caseKey('甲局', 'a-1'));
    expect(caseKey('甲局', 'A-1')).not.toBe(caseKey('乙局', 'A-1'));
  });
});
