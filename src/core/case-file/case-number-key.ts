/**
 * The form in which two 案号 (or two agency names) are compared for "the same case": what a person reading the
 * printed 决定书 could not tell apart must collide.
 *
 * - Unicode NFKC: full-width digits and letters (２０２５ → 2025), full-width brackets (［ → [).
 * - White space of every kind and invisible format characters (zero-width space/joiners, BOM, soft hyphen,
 *   word joiner) are dropped: they never distinguish two printed numbers.
 * - The brackets around the year are one thing whatever the typist used: 〔2025〕, [2025], (2025), 【2025】,
 *   〈2025〉 all become 〔2025〕 (GB/T 9704 prescribes 六角括号 〔〕 for 发文字号).
 * - Latin letters compare without case.
 *
 * The stored case number is kept exactly as written; only the comparison uses this key.
 */
export function caseNumberKey(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu, '')
    .replace(/[[(【〈《〖]/gu, '〔')
    .replace(/[\])】〉》〗]/gu, '〕')
    .toLowerCase();
}

/**
 * What makes two stored cases "the same case" (同一执法机关的案号不得重复): the agency as named in the case file and
 * the case number, both compared as {@link caseNumberKey}. White space is removed from both, so the line break
 * cannot occur inside either part.
 */
export function caseKey(agency: string, caseNumber: string): string {
  return `${caseNumberKey(agency)}\n${caseNumberKey(caseNumber)}`;
}
