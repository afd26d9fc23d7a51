// Unit tests of the dashboard's pure functions (node:test, no browser). Expected values are worked by hand here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hierarchy, areaRows, byRank, seriesPoints } from '../src/model.js';
import { toCsv } from '../src/csv.js';
import { moveOf } from '../src/table.js';

const definition = {
  nodes: [
    { code: 'idx', type: 'aggregate', parent: null, weight: 1 },
    { code: 'home', type: 'aggregate', parent: 'idx', weight: 2 },
    { code: 'green', type: 'aggregate', parent: 'idx', weight: 1 },
    { code: 'rent', type: 'indicator', parent: 'home', weight: 1 },
    { code: 'parks-sub', type: 'aggregate', parent: 'green', weight: 1 },
    { code: 'parks', type: 'indicator', parent: 'parks-sub', weight: 1 },
  ],
};

test('hierarchy: the root, its children as domains, and each indicator under its domain at any depth', () => {
  const h = hierarchy(definition);
  assert.equal(h.root.code, 'idx');
  assert.deepEqual(h.domains.map((d) => d.code), ['home', 'green']);
  assert.deepEqual(h.indicators.map((i) => i.code), ['rent', 'parks']);
  assert.equal(h.domainOf.get('rent'), 'home');
  assert.equal(h.domainOf.get('parks'), 'green'); // via parks-sub
});

const run = {
  areas: [
    { areaCode: 'E3', areaName: 'C', scores: [{ nodeCode: 'idx', score: 50, rank: 2, decile: 5, quintile: 3, coverage: 1 }] },
    { areaCode: 'E1', areaName: 'A', scores: [{ nodeCode: 'idx', score: null, rank: null, decile: null, quintile: null, coverage: 0.5 }] },
    { areaCode: 'E2', areaName: 'B', scores: [{ nodeCode: 'idx', score: 50, rank: 2, decile: 5, quintile: 3, coverage: 1 }] },
    { areaCode: 'E4', areaName: 'D', scores: [{ nodeCode: 'idx', score: 70, rank: 1, decile: 1, quintile: 1, coverage: 1 }] },
  ],
  uncertainty: [
    { areaCode: 'E1', medianRank: 'NaN', rankP05: 'NaN', rankP95: 'NaN' },
    { areaCode: 'E2', medianRank: 2, rankP05: 1.5, rankP95: 3 },
  ],
};

test('areaRows: scores by node; a non-number from the API (NaN as text) is missing, never a number', () => {
  const rows = areaRows(run);
  const a = rows.find((r) => r.code === 'E1');
  assert.equal(a.scores.get('idx').score, null);
  assert.deepEqual(a.interval, { median: null, p05: null, p95: null });
  assert.deepEqual(rows.find((r) => r.code === 'E2').interval, { median: 2, p05: 1.5, p95: 3 });
  assert.equal(rows.find((r) => r.code === 'E4').interval, null);
});

test('byRank: best first, ties (rank 2, 2) by area code, unscored last', () => {
  assert.deepEqual(byRank(areaRows(run), 'idx').map((r) => r.code), ['E4', 'E2', 'E3', 'E1']);
});

test('moveOf: published 5, now 2 → up 3; now 7 → down 2; missing either → null', () => {
  assert.equal(moveOf(2, 5), 3);
  assert.equal(moveOf(7, 5), -2);
  assert.equal(moveOf(null, 5), null);
  assert.equal(moveOf(3, null), null);
});

test('seriesPoints: finds an area and node across periods whatever the nesting', () => {
  // History-like: area at the top, runs with periods, scores by node.
  const history = { areaCode: 'E2', runs: [
    { period: '2022', scores: [{ nodeCode: 'idx', score: 48 }, { nodeCode: 'home', score: 1 }] },
    { period: '2021', scores: [{ nodeCode: 'idx', score: 45.5 }] },
  ] };
  assert.deepEqual(seriesPoints(history, 'E2', 'idx'), [{ period: '2021', score: 45.5 }, { period: '2022', score: 48 }]);
  // Series-like: periods on top, areas inside; other areas ignored; a missing score is left out.
  const series = { periods: [
    { period: '2020', areas: [{ areaCode: 'E1', scores: [{ nodeCode: 'idx', score: 10 }] }, { areaCode: 'E2', scores: [{ nodeCode: 'idx', score: 40 }] }] },
    { period: '2021', areas: [{ areaCode: 'E2', scores: [{ nodeCode: 'idx', score: null }] }] },
  ] };
  assert.deepEqual(seriesPoints(series, 'E2', 'idx'), [{ period: '2020', score: 40 }]);
});

test('toCsv: RFC 4180 quoting, empty cells for missing, CRLF line ends', () => {
  const text = toCsv(['a', 'b', 'c'], [['Kingston, upon "Thames"', null, 1.5], [undefined, 0, 'x']]);
  assert.equal(text, 'a,b,c\r\n"Kingston, upon ""Thames""",,1.5\r\n,0,x\r\n');
});
