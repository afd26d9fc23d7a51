// Shapes the API's JSON into what the panels draw. No computing of scores here: ranks, deciles and intervals are the
// API's own.
import { num } from './api.js';

/** The framework's hierarchy from its definition: root, domains (root's children) and each indicator's domain. */
export function hierarchy(definition) {
  const nodes = definition.nodes;
  const root = nodes.find((n) => n.parent == null);
  const domains = nodes.filter((n) => n.parent === root.code);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const domainOf = new Map();
  for (const n of nodes) {
    let up = n;
    while (up && up.parent !== root.code && up.parent != null) up = byCode.get(up.parent);
    if (up && up.parent === root.code) domainOf.set(n.code, up.code);
  }
  const indicators = nodes.filter((n) => n.type === 'indicator');
  return { root, domains, byCode, domainOf, indicators };
}

/** One row per area of a run: its scores by node code, and the rank interval when the run has an uncertainty analysis. */
export function areaRows(run) {
  const intervals = new Map((run.uncertainty || []).map((u) => [u.areaCode, {
    median: num(u.medianRank), p05: num(u.rankP05), p95: num(u.rankP95),
  }]));
  return run.areas.map((a) => ({
    code: a.areaCode,
    name: a.areaName,
    scores: new Map(a.scores.map((s) => [s.nodeCode, {
      score: num(s.score), rank: num(s.rank), decile: num(s.decile), quintile: num(s.quintile), coverage: num(s.coverage),
    }])),
    interval: intervals.get(a.areaCode) || null,
  }));
}

/** Rows in rank order on a node: best first, unscored last, ties by area code (the API's ordinal order). */
export function byRank(rows, node) {
  const rank = (r) => r.scores.get(node)?.rank ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Indicator values of one area, keyed by indicator code. */
export function valuesOf(run, areaCode) {
  return new Map(run.indicatorValues.filter((v) => v.areaCode === areaCode).map((v) => [v.indicatorCode, v]));
}

/**
 * Points (period, score) for one area and node found anywhere in a JSON document: the series and history documents
 * nest periods, areas and scores differently, so this walks the document and keeps the nearest period and area code
 * seen above each score.
 */
export function seriesPoints(doc, areaCode, nodeCode) {
  const points = new Map();
  const walk = (x, period, area) => {
    if (Array.isArray(x)) { x.forEach((y) => walk(y, period, area)); return; }
    if (!x || typeof x !== 'object') return;
    const p = typeof x.period === 'string' ? x.period : period;
    const a = typeof x.areaCode === 'string' ? x.areaCode : area;
    if (a === areaCode && p && x.nodeCode === nodeCode && num(x.score) !== null) points.set(p, num(x.score));
    for (const [k, v] of Object.entries(x)) {
      if (v && typeof v === 'object') walk(v, p, a);
      else if (a === areaCode && p && k === `${nodeCode}`) { if (num(v) !== null) points.set(p, num(v)); }
    }
  };
  walk(doc, null, null);
  return [...points].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([period, score]) => ({ period, score }));
}
