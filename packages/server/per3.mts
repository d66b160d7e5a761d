const { loadTuningSamples } =
  await import('/work/main/packages/server/src/services/privacy/fixtures/labelled.js');
const texts = loadTuningSamples().map((s: any) => s.text);
const FILL = [
  'The swap finished and vLLM reported the model as ready on port 8888 after 41 seconds.',
  'Die Warteschlange ist leer, der Dienst läuft seit drei Tagen ohne Unterbrechung.',
];
let lines: string[] = [],
  size = 0;
for (let i = 0; size < 100 * 1024; i++) {
  const l = i % 3 === 0 ? texts[i % texts.length]! : FILL[i % 2]!;
  lines.push(l);
  size += l.length + 1;
}
const text = lines.join('\n');
const src = (await import('node:fs')).readFileSync(
  '/work/main/packages/server/src/services/privacy/detectors/name-forms.ts',
  'utf8',
);
const names = [
  'CAPITALS_RUN',
  'FAMILY_COMMA_GIVEN',
  'CAPITALS_THEN_GIVEN',
  'PASSENGER',
  'MAILBOX_NAME',
  'CASE_PARTIES',
  'SPELLED',
  'BRACKET_LABEL',
  'BALINESE',
];
for (const n of names) {
  const m = new RegExp(`const ${n} =\\s*(/(?:[^/\\\\\\n]|\\\\.|\\[[^\\]]*\\])+/[a-z]*);`).exec(src);
  if (!m) {
    console.log(n, 'not parsed');
    continue;
  }
  const re = eval(m[1]!) as RegExp;
  const s = process.hrtime.bigint();
  for (let k = 0; k < 5; k++) {
    re.lastIndex = 0;
    let c = 0;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      c++;
      if (x[0].length === 0) re.lastIndex++;
    }
  }
  console.log(n, (Number(process.hrtime.bigint() - s) / 5e6).toFixed(2), 'ms');
}
