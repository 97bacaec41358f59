/**
 * The web app's CJK font: Noto Sans SC Regular (OFL-1.1, the same package the PDF report uses), subset to the
 * GB 2312 character set (6,763 汉字 + symbols) plus ASCII and converted to WOFF2 (~1 MB instead of 10.5 MB TTF).
 * Written to web/public/fonts/ (gitignored); skipped when the output is newer than the source font.
 */
const { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const subsetFont = require('subset-font');

const source = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const outDir = join(__dirname, '..', 'web', 'public', 'fonts');
const out = join(outDir, 'NotoSansSC-GB2312.woff2');

/** Every character GB 2312 encodes (rows 0xA1–0xF7, cells 0xA1–0xFE), decoded with the runtime's ICU. */
function gb2312Characters() {
  const decoder = new TextDecoder('gb2312');
  let text = '';
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(Buffer.from([hi, lo]));
      if (c !== '\ufffd') text += c;
    }
  }
  for (let i = 0x20; i < 0x7f; i++) text += String.fromCharCode(i);
  // characters of the legal texts outside GB 2312: 〇 (二〇二五年), 〔〕 are inside; add the few the UI needs
  return text + '〇·—“”‘’…「」『』';
}

async function main() {
  if (existsSync(out) && statSync(out).mtimeMs > statSync(source).mtimeMs && statSync(out).mtimeMs > statSync(__filename).mtimeMs) return;
  mkdirSync(outDir, { recursive: true });
  const woff2 = await subsetFont(readFileSync(source), gb2312Characters(), { targetFormat: 'woff2' });
  writeFileSync(out, woff2);
  console.log(`web font: ${out.replace(join(__dirname, '..') + '/', '')} (${(woff2.length / 1024).toFixed(0)} KB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
