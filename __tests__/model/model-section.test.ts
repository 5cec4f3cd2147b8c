// The "Model" section of the job summary.
import { describe, expect, test } from '@jest/globals';
import { co2e } from '../../src/core/format.js';
import { renderModelSection, escapeCell } from '../../src/core/report/model-section.js';
import { selectModel } from '../../src/core/model/select.js';
import { resolveIntensity } from '../../src/core/model/intensity.js';
import { computeEmissions } from '../../src/core/emissions.js';
import { constant, factsOf, integrate, settingsOf, tables } from './helpers.js';

function render(inputs: Record<string, string>, facts = factsOf()) {
  const t = tables();
  const settings = settingsOf(inputs);
  const model = selectModel({ facts, settings, tables: t });
  const energy = integrate(model, constant(0.5, 60), 60);
  const intensity = resolveIntensity({ settings, model, facts, tables: t });
  const emissions = computeEmissions(energy, model, intensity, settings.includeEmbodied);
  return { md: renderModelSection(model, intensity, emissions, energy), model, emissions };
}

describe('renderModelSection', () => {
  test('names the model, coefficient rows, region and its source, PUE, operational vs embodied, provenance', () => {
    const { md, emissions } = render({});
    expect(md).toMatch(/^### Model/);
    expect(md).toContain('**CCF Azure model for a GitHub-hosted runner (Azure EPYC 3rd Gen)** (`ccf`)');
    expect(md).toContain('| CPU W per vCPU (idle/max) | 0.4454 / 2.019 × 4 vCPU | CCF coefficients-\\*-use.csv');
    expect(md).toMatch(/\| PUE \| 1\.185 \|/);
    expect(md).toContain('| Grid intensity | 366.8 gCO2e/kWh (annual) | github-hosted US average: mean of the CCF grid factors');
    expect(md).toMatch(/\| CPU \| modelled \(rows above\) \|/);
    expect(md).toMatch(/\| Memory \| modelled \(rows above\) \|/);
    // energies are listed once, in the summary's Components table
    expect(md).not.toMatch(/\| Memory \| [\d.]+ m?Wh/);
    expect(md).toContain('| memory | 10.67 GiB × 0.392 W/GiB | machine memory 16 GiB minus 5.333 GiB already in the CCF coefficient');
    expect(md).toMatch(/Embodied: 1561 kg CO2e × 1 h \/ 35,040 h × 4\/96 vCPU = \*\*[\d.]+ (m?g) CO2e\*\*/);
    expect(md).toContain(`= **${co2e(emissions.operationalGCo2e)}**`);
    expect(md).not.toMatch(/\de-\d/);
    expect(md).toMatch(/<details><summary>Model notes<\/summary>/);
  });

  test('defaulted coefficients are shown as defaulted; operational-only gate is said', () => {
    const { md } = render({ 'include-embodied': 'false' }, factsOf({ cpuModel: 'Unknown <b>CPU</b> | x' }));
    expect(md).toMatch(/\| CPU \| defaulted/);
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;b&gt;CPU&lt;/b&gt; \\| x');
  });

  test('no embodied data is reported as not estimated', () => {
    const { md } = render({}, factsOf({ runnerEnvironment: 'self-hosted' }));
    expect(md).toMatch(/\| Embodied \| none: no instance data: not estimated \|/);
    expect(md).toMatch(/Embodied: not estimated/);
  });

  test('escapeCell neutralises markdown, HTML, pipes, mentions and newlines', () => {
    expect(escapeCell('a|b\n<script>*x*_[y](z)@team`c`')).toBe('a\\|b &lt;script&gt;\\*x\\*\\_\\[y\\](z)&#64;team\\`c\\`');
  });
});
