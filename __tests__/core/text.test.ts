import { describe, expect, test } from '@jest/globals';
import { displayWidth, inlineText, markdownToText } from '../../src/core/report/text.js';
import { renderSummary } from '../../src/core/report/summary.js';
import { point, runResult } from '../helpers/fixtures.js';

describe('markdownToText', () => {
  test('a table becomes aligned columns with a rule; right-aligned columns stay right-aligned', () => {
    const md = '| Component | Energy |\n| :- | -: |\n| CPU | 62.5 mWh |\n| Memory | 125 mWh |\n';
    expect(markdownToText(md, { color: false })).toBe(['Component    Energy', '─────────  ────────', 'CPU        62.5 mWh', 'Memory      125 mWh', ''].join('\n'));
  });

  test('inline marks, links, escapes and entities become plain text', () => {
    expect(inlineText('**bold** `code` [job log](https://x.test/a) CodeCarbon&#39;s a\\|b &lt;b&gt; &#64;team')).toBe("bold code job log (https://x.test/a) CodeCarbon's a|b <b> @team");
  });

  test('details and summary unwrap into a titled section; sub tags go; mermaid becomes a sparkline', () => {
    const md = '<details><summary>Data quality</summary>\n\n- no gaps\n\n</details>\n\n```mermaid\nxychart-beta\n  title "Power (W)"\n  bar [0, 4, 8]\n```\n\n<sub>footer</sub>\n';
    expect(markdownToText(md, { color: false })).toBe('Data quality\n────────────\n\n- no gaps\n\nPower (W): ▁▅█\n\nfooter\n');
  });

  test('a whole summary: no pipes, no HTML, no entities; the verdict coloured only when asked', () => {
    const series = Array.from({ length: 10 }, (_, i) => point(i + 1, 3 + i));
    const md = renderSummary(runResult({ job: { label: "CodeCarbon's <job>" }, energy: { series } }), { chart: 'mermaid', modelSection: '### Model\n\n| What | Value |\n| --- | --- |\n| a | b |\n' });
    const plain = markdownToText(md, { color: false });
    expect(plain).not.toMatch(/^\s*\|/m);
    expect(plain).not.toMatch(/&(#\d+|[a-z]+);/);
    expect(plain).not.toMatch(/<\/?(details|summary|sub)>|\*\*|```/);
    expect(plain).toContain("carbon-gate · CodeCarbon's <job>");
    expect(plain).not.toContain('\u001b[');
    const coloured = markdownToText(md, { color: true });
    expect(coloured).toContain('\u001b[36m\u001b[1mℹ️ Measured only');
  });

  test('display width: emoji and CJK are two columns, variation selectors none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('✅')).toBe(2);
    expect(displayWidth('⚠️')).toBe(2);
    expect(displayWidth('碳')).toBe(2);
  });
});
