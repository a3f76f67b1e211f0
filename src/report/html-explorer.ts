/**
 * The HTML explorer's script (runs in the browser; kept as a string because it is inlined and
 * allowed by its hash under the page's CSP). It reads the packed report (html-data.ts) and builds
 * on demand: the overview by database and named file, a searchable, paginated list of every table
 * and view, and for a chosen relation or file its paths to the number and the controls that stop
 * each user, drawn with cytoscape.js (inlined beside it) and listed as text.
 *
 * Source strings only ever reach the DOM as text (textContent, cytoscape labels on a canvas),
 * never as markup. The one piece of HTML inserted is the 評価書 document, written and escaped at
 * report time (html.ts), inserted when its tab is opened or the page is printed.
 */
export const EXPLORER_SCRIPT = String.raw`
(() => {
  'use strict';
  const D = JSON.parse(document.getElementById('spif-data').textContent);
  const L = JSON.parse(document.getElementById('spif-labels').textContent);
  const S = D.s;
  const PAGE = 50;
  const MAX_NODES = 80;
  const FONT = 'system-ui, "Noto Sans CJK JP", "IPAGothic", sans-serif';
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === 'class') e.className = attrs[k];
      else if (k === 'onclick') e.addEventListener('click', attrs[k]);
      else e.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  };
  const fmt = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const code = (text) => el('code', null, text);
  const norm = (x) => x.normalize('NFKC').toLowerCase();

  // ── the model, unpacked once ─────────────────────────────────────────────────────────────
  // Ids are the keys; what a person reads is the name as the export wrote it (D.w, html-data.ts).
  const W = new Map((D.w || []).map((x) => [S[x[0]], S[x[1]]]));
  const asWritten = (x) => W.get(x) ?? x;
  const writtenColumn = (id, column) => (W.has(id + '.' + column) ? W.get(id + '.' + column).slice(asWritten(id).length + 1) : column);
  const rels = D.relations.map((r, i) => ({
    i, id: S[r[0]], db: S[r[1]], kind: r[2], cls: r[3], basis: r[4], file: S[r[5]], line: r[6],
    numbers: r[7].map((n) => ({ column: S[n[0]], kind: n[1] })),
    reach: r[8].map((x) => ({ principal: S[x[0]], number: S[x[1]], steps: x[2].map((p) => ({ from: S[p[0]], to: S[p[1]], via: p[2] })) })),
    blocks: r[9].map((b) => ({ principal: b[0] < 0 ? null : S[b[0]], at: S[b[1]], control: b[2], detail: S[b[3]], declaredOnly: b[4] === 1 })),
    suppressed: r[10] === undefined ? null : S[r[10]],
    files: [],
  }));
  const files = D.files.map((f, i) => ({ i, name: S[f[0]], cls: f[1], rels: f[2] }));
  for (const f of files) for (const ri of f.rels) rels[ri].files.push(f.name);
  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const r of rels) {
    r.text = norm([r.id, asWritten(r.id), L.kind[r.kind], L.cls[r.cls], L.basis[r.basis], r.file, ...r.numbers.flatMap((n) => [n.column, writtenColumn(r.id, n.column)]), ...r.files].join(' '));
  }

  // ── tabs ───────────────────────────────────────────────────────────────────────────────
  const tabs = Array.from(document.querySelectorAll('[role=tab]'));
  const showTab = (name) => {
    for (const t of tabs) {
      const on = t.dataset.tab === name;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      $('panel-' + t.dataset.tab).hidden = !on;
    }
    if (name === 'document') loadDocument();
  };
  for (const t of tabs) t.addEventListener('click', () => showTab(t.dataset.tab));

  // ── overview: databases and named files ───────────────────────────────────────────────────
  const filter = { db: null, file: null };
  const dbRows = D.databases.map((d) => el('tr', { 'data-db': S[d[0]] },
    el('td', null, el('button', { type: 'button', class: 'link', onclick: () => { filter.db = S[d[0]]; filter.file = null; input.value = ''; showTab('relations'); update(); } }, S[d[0]])),
    el('td', { class: 'cls-' + d[1] }, L.cls[d[1]]), el('td', { class: 'num' }, d[3] + ' / ' + d[2])));
  $('overview-databases').append(...dbRows);
  const fileRows = files.map((f) => el('tr', { 'data-file': f.name },
    el('td', null, el('button', { type: 'button', class: 'link', onclick: () => selectFile(f) }, f.name)),
    el('td', { class: 'cls-' + f.cls }, L.cls[f.cls]), el('td', { class: 'num' }, f.rels.filter((i) => rels[i].cls === 0).length + ' / ' + f.rels.length)));
  $('overview-files').append(...fileRows);
  if (!files.length) $('overview-files-section').hidden = true;

  // ── the relation list: search, filters, pages ─────────────────────────────────────────────
  const input = $('relation-search');
  const clsSelect = $('relation-class');
  const count = $('relation-count');
  const body = $('relations-body');
  let page = 0;
  let shown = rels;
  const update = (keepPage) => {
    const terms = norm(input.value).split(/\s+/).filter(Boolean);
    const want = clsSelect.value;
    const fileSet = filter.file ? new Set(filter.file.rels) : null;
    shown = rels.filter((r) => (want === '' || String(r.basis) === want || (want === 'specific' && r.cls === 0) || (want === 'not-specific' && r.cls === 1))
      && (!filter.db || r.db === filter.db) && (!fileSet || fileSet.has(r.i)) && terms.every((t) => r.text.includes(t)));
    if (!keepPage) page = 0;
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    const slice = shown.slice(page * PAGE, page * PAGE + PAGE);
    body.replaceChildren(...slice.map(row));
    count.textContent = fmt(L.ui.shown, shown.length, rels.length);
    $('page-label').textContent = shown.length ? fmt(L.ui.page, page * PAGE + 1, page * PAGE + slice.length, shown.length) : '';
    $('page-prev').disabled = page === 0;
    $('page-next').disabled = page >= pages - 1;
    const scope = $('relation-scope');
    scope.replaceChildren();
    if (filter.db || filter.file) {
      scope.append((filter.db ? L.ui.database + ': ' + filter.db : L.ui.file + ': ' + filter.file.name) + ' ',
        el('button', { type: 'button', onclick: () => { filter.db = null; filter.file = null; update(); } }, L.ui.clear));
    }
  };
  const row = (r) => el('tr', { 'data-id': r.id, class: 'cls-' + r.cls },
    el('td', null, el('button', { type: 'button', class: 'link', onclick: () => selectRelation(r) }, asWritten(r.id))),
    el('td', null, L.kind[r.kind]), el('td', null, L.cls[r.cls]), el('td', null, L.basis[r.basis]),
    el('td', null, r.numbers.map((n) => writtenColumn(r.id, n.column)).join(', ')), el('td', null, r.files.join(', ')),
    el('td', null, code(r.file + ':' + r.line)));
  input.addEventListener('input', () => update());
  clsSelect.addEventListener('change', () => update());
  $('page-prev').addEventListener('click', () => { page--; update(true); });
  $('page-next').addEventListener('click', () => { page++; update(true); });

  // ── detail of one relation or one file ────────────────────────────────────────────────────
  const pathText = (x) => x.steps.length
    ? x.steps.map((p) => asWritten(p.from) + ' →(' + L.via[p.via] + ') ' + asWritten(p.to)).join(' ⇒ ') + ' ⇒ ' + asWritten(x.number)
    : asWritten(x.number);
  const accessRows = (r) => [
    ...r.reach.map((x) => el('tr', { class: 'reaches' }, el('td', null, code(asWritten(x.principal))), el('td', null, code(asWritten(r.id))),
      el('td', null, x.steps.length ? L.ui.reaches : L.ui.directRead), el('td', null, code(pathText(x))))),
    ...r.blocks.map((b) => el('tr', { class: 'blocked' }, el('td', null, b.principal === null ? L.ui.everyone : code(asWritten(b.principal))), el('td', null, code(asWritten(r.id))),
      el('td', null, b.declaredOnly ? L.ui.declaredOnly : L.ui.blocked), el('td', null, L.control[b.control] + ' — ', code(asWritten(b.at)), el('br'), el('small', null, b.detail)))),
  ];
  const accessTable = (rows) => rows.length
    ? el('table', { class: 'access' }, el('thead', null, el('tr', null, ...L.ui.accessHead.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', null, ...rows))
    : el('p', null, L.ui.noAccess);

  function selectRelation(r) {
    history.replaceState(null, '', '#rel=' + encodeURIComponent(r.id));
    const d = $('detail');
    d.hidden = false;
    const numbers = r.numbers.length
      ? el('p', null, L.ui.numberColumns + ': ', ...r.numbers.flatMap((n, k) => [k ? ', ' : '', code(writtenColumn(r.id, n.column)), ' (' + L.numberKind[n.kind] + ')']))
      : null;
    d.replaceChildren(
      el('h2', { id: 'detail-title' }, asWritten(r.id)),
      el('p', null, el('strong', { class: 'cls-' + r.cls }, L.cls[r.cls]), ' — ', L.basis[r.basis], '. ', L.basisExplain[r.basis]),
      el('p', null, L.kind[r.kind] + ' · ', code(r.file + ':' + r.line), r.files.length ? ' · ' + L.ui.file + ': ' + r.files.join(', ') : '',
        r.suppressed ? ' · ' + L.ui.suppressed + ': ' + r.suppressed : ''),
      numbers,
      graphBox(),
      accessTable(accessRows(r)),
    );
    draw([r]);
    d.scrollIntoView({ block: 'start' });
  }

  function selectFile(f) {
    history.replaceState(null, '', '#file=' + encodeURIComponent(f.name));
    filter.file = f;
    filter.db = null;
    input.value = '';
    showTab('relations');
    update();
    const d = $('detail');
    d.hidden = false;
    const members = f.rels.map((i) => rels[i]);
    d.replaceChildren(
      el('h2', { id: 'detail-title' }, f.name),
      el('p', null, el('strong', { class: 'cls-' + f.cls }, L.cls[f.cls]), ' — ', fmt(L.ui.fileMembers, members.length, members.filter((r) => r.cls === 0).length)),
      graphBox(),
      accessTable(members.flatMap(accessRows)),
    );
    draw(members);
  }

  const graphBox = () => el('figure', { id: 'graph-figure' },
    el('div', { id: 'graph', role: 'img', 'aria-label': L.ui.graphLabel }),
    el('figcaption', null, L.ui.legend),
    el('details', null, el('summary', null, L.ui.graphText), el('ol', { id: 'graph-edges' })));

  // ── the picture: paths to the number and the controls that stop each user ─────────────────────
  const relOfColumn = (col) => col.slice(0, col.lastIndexOf('.'));
  const label = (id) => (byId.has(id) ? asWritten(id).replace(/^([^.]+)\.(public|main)\./, '$1.') : asWritten(id));
  function draw(chosen) {
    const nodes = new Map();
    const edges = new Map();
    const lines = [];
    let dropped = 0;
    const node = (id, extra) => {
      if (!nodes.has(id)) {
        if (nodes.size >= MAX_NODES) { dropped++; return false; }
        const r = byId.get(id);
        nodes.set(id, { data: { id, label: label(id), kind: r ? 'b' + r.basis : 'control', numbers: '', w: 40, h: 28 } });
      }
      if (extra) nodes.get(id).data.numbers = extra;
      return true;
    };
    for (const r of chosen) {
      node(r.id);
      nodes.get(r.id) && (nodes.get(r.id).data.chosen = 1);
      for (const n of r.numbers) {
        const cur = nodes.get(r.id);
        if (cur) cur.data.numbers = (cur.data.numbers ? cur.data.numbers + '\n' : '') + '★ ' + writtenColumn(r.id, n.column);
      }
      for (const x of r.reach) {
        if (!x.steps.length) lines.push(el('li', { 'data-kind': 'direct' }, asWritten(x.principal) + ' — ' + L.ui.directRead + ' ' + asWritten(x.number)));
        for (const p of x.steps) {
          const a = relOfColumn(p.from), b = relOfColumn(p.to);
          if (!node(a) || !node(b)) continue;
          const key = a + '\u0000' + b + '\u0000' + p.via;
          if (!edges.has(key)) {
            edges.set(key, { data: { id: 'e' + edges.size, source: a, target: b, kind: 'link', label: L.via[p.via] + ': ' + writtenColumn(a, p.from.slice(a.length + 1)) + ' = ' + writtenColumn(b, p.to.slice(b.length + 1)), who: new Set() } });
          }
          edges.get(key).data.who.add(asWritten(x.principal));
        }
        const holder = relOfColumn(x.number);
        if (node(holder)) {
          const hr = byId.get(holder);
          const cur = nodes.get(holder);
          if (hr && !cur.data.numbers) cur.data.numbers = hr.numbers.map((n) => '★ ' + writtenColumn(hr.id, n.column)).join('\n');
        }
      }
      for (const b of r.blocks) {
        const target = byId.has(b.at) ? b.at : byId.has(relOfColumn(b.at)) ? relOfColumn(b.at) : b.at;
        if (!node(target)) continue;
        if (target === b.at && !byId.has(target)) nodes.get(target).data.label = asWritten(b.at);
        const key = r.id + '\u0000' + target + '\u0000✕';
        if (!edges.has(key)) edges.set(key, { data: { id: 'e' + edges.size, source: r.id, target, kind: 'block', control: b.control, at: b.at, who: new Set() } });
        edges.get(key).data.who.add(b.principal === null ? L.ui.everyone : asWritten(b.principal));
      }
    }
    const elements = [...nodes.values()];
    for (const e of edges.values()) {
      const who = [...e.data.who];
      const names = who.slice(0, 3).join(', ') + (who.length > 3 ? ' ' + fmt(L.ui.andMore, who.length - 3) : '');
      const from = label(e.data.source), to = label(e.data.target);
      lines.push(el('li', { 'data-kind': e.data.kind }, from + ' → ' + to + ' — ' + (e.data.kind === 'block' ? '✕ ' + who.join(', ') + ': ' + L.control[e.data.control] + ' (' + asWritten(e.data.at) + ')' : e.data.label + ' (' + who.join(', ') + ')')));
      e.data.label = e.data.kind === 'block' ? '✕ ' + names + '\n' + L.control[e.data.control] : e.data.label.replace(': ', '\n');
      e.data.who = who.join(', ');
      elements.push(e);
    }
    // Node boxes sized to their text (cytoscape's width: label is deprecated): measured on a canvas.
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = '12px ' + FONT;
    for (const n of nodes.values()) {
      if (n.data.numbers) n.data.label = n.data.label + '\n' + n.data.numbers;
      const textLines = n.data.label.split('\n');
      n.data.w = Math.min(260, Math.max(...textLines.map((t) => measure.measureText(t).width))) + 18;
      n.data.h = textLines.length * 16 + 14;
    }
    if (dropped) lines.push(el('li', { 'data-kind': 'dropped' }, fmt(L.ui.truncated, MAX_NODES, dropped)));
    $('graph-edges').replaceChildren(...lines);
    if (!lines.length) $('graph-edges').append(el('li', null, L.ui.noAccess));
    const box = $('graph');
    box.dataset.nodes = String(nodes.size);
    box.dataset.edges = String(edges.size);
    if (typeof cytoscape !== 'function') return;
    const cy = cytoscape({
      container: box, elements,
      style: [
        { selector: 'node', style: { shape: 'round-rectangle', label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 260, 'text-valign': 'center', 'font-size': 12,
          'font-family': FONT, width: 'data(w)', height: 'data(h)', 'background-color': '#f0f0f0', 'border-width': 1, 'border-color': '#9e9e9e', color: '#212121' } },
        { selector: 'node[kind = "b0"]', style: { 'background-color': '#fde0e0', 'border-color': '#c62828', 'border-width': 3 } },
        { selector: 'node[kind = "b1"]', style: { 'background-color': '#fde0e0', 'border-color': '#c62828', 'border-width': 1.5 } },
        { selector: 'node[kind = "b2"]', style: { 'background-color': '#fff3e0', 'border-color': '#ef6c00', 'border-width': 1.5 } },
        { selector: 'node[kind = "control"]', style: { shape: 'cut-rectangle', 'background-color': '#ffffff', 'border-color': '#c62828', 'border-style': 'dashed' } },
        { selector: 'node[chosen = 1]', style: { 'underlay-color': '#1565c0', 'underlay-opacity': 0.18, 'underlay-padding': 6 } },
        { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#546e7a', 'target-arrow-color': '#546e7a',
          label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 200, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2, color: '#37474f' } },
        { selector: 'edge[kind = "block"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'line-style': 'dashed', 'target-arrow-shape': 'tee', color: '#b71c1c' } },
      ],
      layout: { name: 'breadthfirst', directed: true, roots: chosen.filter((r) => nodes.has(r.id)).map((r) => r.id), spacingFactor: 1.5, padding: 16, animate: false },
    });
    // A picture of two or three boxes should not be blown up to the full width.
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
    cy.on('tap', 'node', (ev) => { const r = byId.get(ev.target.id()); if (r && chosen.length > 1) selectRelation(r); });
    window.spifGraph = cy;
  }

  // ── the 評価書 document: HTML written at report time, inserted when needed ──────────────────────
  let documentLoaded = false;
  function loadDocument() {
    if (documentLoaded) return;
    documentLoaded = true;
    $('document-body').innerHTML = JSON.parse($('spif-document').textContent);
  }
  // 別添2 in pages: the rows after the first page wait as data (html-long-blocks.ts) and are built
  // with textContent when asked for; printing asks for all of them. A form table's first cell is
  // the row's heading.
  function moreRows(wrap, all) {
    const rest = wrap.rows || (wrap.rows = JSON.parse(wrap.querySelector('script.rows').textContent));
    const page = Number(wrap.dataset.page);
    const shown = Number(wrap.dataset.shown);
    const total = page + rest.rows.length;
    const next = all ? total : Math.min(total, shown + page);
    const heading = wrap.querySelector('table').classList.contains('form');
    const inline = (x) => (Array.isArray(x) ? el('strong', null, rest.s[x[0]]) : x < 0 ? code(rest.s[-x - 1]) : rest.s[x]);
    const rows = rest.rows.slice(shown - page, next - page).map((r) =>
      el('tr', null, ...r.map((cell, i) => el(heading && i === 0 ? 'th' : 'td', heading && i === 0 ? { scope: 'row' } : null, ...cell.map(inline)))));
    wrap.querySelector('tbody').append(...rows);
    wrap.dataset.shown = String(next);
    wrap.querySelector('.rows-shown').textContent = fmt(wrap.dataset.label, next);
    if (next >= total) for (const b of wrap.querySelectorAll('button')) b.hidden = true;
  }
  $('document-body').addEventListener('click', (ev) => {
    const b = ev.target.closest('button.more-rows, button.all-rows');
    if (b) moreRows(b.closest('.long-table'), b.classList.contains('all-rows'));
  });
  window.addEventListener('beforeprint', () => {
    loadDocument();
    for (const w of document.querySelectorAll('#document-body .long-table')) moreRows(w, true);
  });

  // ── diagnostics ─────────────────────────────────────────────────────────────────────────
  $('diagnostics-body').append(...D.diagnostics.map((x) => el('tr', { class: 'sev-' + x[0] },
    el('td', null, L.severity[x[0]]), el('td', null, code(S[x[1]])),
    el('td', null, x[3] < 0 ? '' : code(S[x[3]] + (x[4] ? ':' + x[4] + (x[5] ? ':' + x[5] : '') : ''))), el('td', null, S[x[2]]))));

  // The sticky header must not hide a heading scrolled to (the 評価書's table of contents, #form-2-1).
  const pad = () => { document.documentElement.style.scrollPaddingTop = (document.querySelector('header').offsetHeight + 8) + 'px'; };
  pad();
  addEventListener('resize', pad);

  // ── start: from the address (#rel=… / #file=… / #relations / #document), else the overview; links
  // inside the page (the 評価書's "the rest is in the tab" notes) move the same way ────────────────
  update();
  const route = (start) => {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith('rel=') && byId.has(hash.slice(4))) { showTab('relations'); selectRelation(byId.get(hash.slice(4))); }
    else if (hash.startsWith('file=') && files.some((f) => f.name === hash.slice(5))) selectFile(files.find((f) => f.name === hash.slice(5)));
    else if (hash === 'document') showTab('document');
    else if (hash === 'relations') { showTab('relations'); window.scrollTo(0, 0); }
    else if (start) showTab('overview');
  };
  route(true);
  addEventListener('hashchange', () => route(false));
  document.documentElement.dataset.ready = '1';
})();
`;
