import { describe, expect, test } from '@jest/globals';
import { InputError, parseSettings } from '../../src/settings/inputs.js';
import { redactUrl } from '../../src/settings/export-inputs.js';

const parse = (given: Record<string, string>) => parseSettings((n) => given[n]);

function errorOf(given: Record<string, string>): InputError {
  try {
    parse(given);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error thrown');
}

describe('export inputs', () => {
  test('off by default: no URL, no headers, no labels', () => {
    const s = parse({});
    expect([s.pushgatewayUrl, s.otlpEndpoint, s.pushgatewayHeaders, s.otlpHeaders, s.exportLabels, s.exportRunId]).toEqual([null, null, {}, {}, {}, false]);
  });

  test('headers: one per line, `Name: value` or `Name=value`; a value keeps its own = and :', () => {
    const s = parse({ 'prometheus-pushgateway-headers': 'Authorization: Basic dXNlcjpwYXNz==\nX-Scope-OrgID=tenant-1\n\n' });
    expect(s.pushgatewayHeaders).toEqual({ Authorization: 'Basic dXNlcjpwYXNz==', 'X-Scope-OrgID': 'tenant-1' });
  });

  test('headers on one line: commas start a new entry only before `Name:`/`Name=`', () => {
    expect(parse({ 'otlp-headers': 'authorization=Bearer a,b, x-tenant: t1' }).otlpHeaders).toEqual({ authorization: 'Bearer a,b', 'x-tenant': 't1' });
  });

  test('a bad header names the input and the entry, and never shows the value', () => {
    const e = errorOf({ 'prometheus-pushgateway-headers': 'Authorization: Bearer sekret-1\nno separator sekret-2' });
    expect(e.input).toBe('prometheus-pushgateway-headers');
    expect(e.message).toContain('entry 2');
    expect(e.message).toMatch(/accepted: 'Name: value'/);
    expect(e.message).not.toMatch(/sekret/);
    const e2 = errorOf({ 'otlp-headers': 'Authorization:' });
    expect(e2.message).toContain('entry 1 (header Authorization, value hidden)');
  });

  test('URLs: http(s) only; a bad URL is named without its credentials', () => {
    for (const bad of ['ftp://u:pw-77@host/x', 'pushgateway:9091', 'http://u:pw-77@host/#frag', 'https://']) {
      const e = errorOf({ 'prometheus-pushgateway-url': bad });
      expect(e.input).toBe('prometheus-pushgateway-url');
      expect(e.message).not.toContain('pw-77');
    }
    expect(errorOf({ 'otlp-endpoint': 'ftp://h' }).accepted).toMatch(/http:\/\/ or https:\/\//);
    // Credentials are accepted (sent as Basic auth, masked).
    expect(parse({ 'otlp-endpoint': 'https://u:p@otel.example.com/' }).otlpEndpoint).toBe('https://u:p@otel.example.com');
  });

  test('redactUrl hides user:password and the query', () => {
    expect(redactUrl('https://alice:pw@pg.example.com:9091/base?token=x')).toBe('https://***@pg.example.com:9091/base?***');
    expect(redactUrl('http://127.0.0.1:9091')).toBe('http://127.0.0.1:9091');
  });

  test('export-labels: a repeated key is refused', () => {
    expect(errorOf({ 'export-labels': 'team=a,team=b' }).accepted).toMatch(/each label once/);
  });
});
