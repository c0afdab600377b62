// readout review: the page over the JSON API (see the README, "Reviewing").
// Offsets are Unicode code points, as in brat; the text is handled as an array of code points.
"use strict";

const state = {
  config: null,      // labels, categories, attributes, colours
  documents: [],     // summaries
  doc: null,         // the current document view
  chars: [],         // its text, one code point per element
  selected: null,    // id of the selected entity (T…) or stance (E…)
  range: null,       // the text selected with the mouse: {start, end}
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
};

// ---- API -------------------------------------------------------------------------------

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) {
    const error = new Error(data.error || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

const docPath = (name) => `/api/documents/${encodeURIComponent(name)}`;

function showBanner(message, kind = "error", action = null) {
  const banner = $("banner");
  banner.replaceChildren(message);
  if (action) banner.append(" ", el("button", { onclick: action.run }, action.label));
  banner.className = kind === "info" ? "info" : "";
  banner.hidden = false;
}

function hideBanner() { $("banner").hidden = true; }

/// Sends a decision made on the version shown; a conflict leaves the page as it is and says so.
async function decide(decision) {
  if (!state.doc) return;
  try {
    const view = await api("POST", `${docPath(state.doc.summary.name)}/decisions`,
                           { ...decision, version: state.doc.summary.version });
    hideBanner();
    return applyView(view);
  } catch (error) {
    reportError(error);
  }
}

/// A decision made from the text selection; the selection is cleared afterwards.
async function decideOnSelection(decision) {
  await decide(decision);
  state.range = null;
  render();
}

function reportError(error) {
  if (error.status === 409) {
    showBanner(`Not saved: ${error.message}`, "error", { label: "Reload document", run: () => openDocument(state.doc.summary.name, state.selected) });
  } else {
    showBanner(`Not saved: ${error.message}`);
  }
}

async function undo() {
  if (!state.doc) return;
  try {
    const view = await api("POST", `${docPath(state.doc.summary.name)}/undo`, { version: state.doc.summary.version });
    showBanner(`Undone: decision ${view.seq ? "logged as #" + view.seq : ""}`, "info");
    applyView(view);
  } catch (error) { reportError(error); }
}

// ---- Documents ---------------------------------------------------------------------------

async function loadDocuments() {
  const { documents } = await api("GET", "/api/documents");
  state.documents = documents;
  renderDocumentList();
}

function countsLine(s) {
  return el("span", { class: "counts" },
    el("span", { class: "pending" }, `${s.pending} pending`), " · ",
    el("span", { class: "accepted" }, `${s.accepted} accepted`), " · ",
    el("span", { class: "rejected" }, `${s.rejected} rejected`));
}

function renderDocumentList() {
  const list = $("document-list");
  list.replaceChildren(...state.documents.map((s) =>
    el("li", { class: [s.reviewed ? "reviewed" : "", state.doc && state.doc.summary.name === s.name ? "current" : ""].join(" "),
               "data-name": s.name, title: s.error || "", onclick: () => openDocument(s.name) },
       el("span", { class: "name" }, s.name), s.error ? el("span", { class: "counts rejected" }, s.error) : countsLine(s))));
  const totals = state.documents.reduce((t, s) => ({ pending: t.pending + s.pending, reviewed: t.reviewed + (s.reviewed ? 1 : 0) }), { pending: 0, reviewed: 0 });
  $("totals").textContent = `${state.documents.length} documents · ${totals.reviewed} reviewed · ${totals.pending} annotations pending`;
}

async function openDocument(name, select = null) {
  try {
    const view = await api("GET", docPath(name));
    hideBanner();
    state.selected = select;
    state.range = null;
    applyView(view);
    if (!state.selected) selectNext(0, true);
    history.replaceState(null, "", `#doc=${encodeURIComponent(name)}`);
  } catch (error) {
    showBanner(error.message);
  }
}

function applyView(view) {
  state.doc = view;
  state.chars = Array.from(view.text);
  const index = state.documents.findIndex((s) => s.name === view.summary.name);
  if (index >= 0) state.documents[index] = view.summary;
  if (view.subject && annotation(view.subject)) state.selected = view.subject;
  if (state.selected && !annotation(state.selected)) state.selected = null;
  renderDocumentList();
  render();
  return view;
}

// ---- Annotations -----------------------------------------------------------------------------

const entityById = (id) => state.doc.entities.find((e) => e.id === id);
const stanceById = (id) => state.doc.stances.find((s) => s.id === id);
const annotation = (id) => entityById(id) || stanceById(id);
const labelColor = (name) => (state.config.labels.find((l) => l.name === name) || {}).color || "#eee";
const categoryColor = (name) => (state.config.categories.find((c) => c.name === name) || {}).color || "#eee";

/// Entities and stances in text order (a stance at its cue).
function ordered() {
  const items = state.doc.entities.map((e) => ({ id: e.id, start: e.start, end: e.end, status: e.status }))
    .concat(state.doc.stances.map((s) => ({ id: s.id, start: s.cue ? s.cue.start : 0, end: s.cue ? s.cue.end : 0, status: s.status })));
  return items.sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id, "en", { numeric: true }));
}

/// Moves the selection by `step` (±1), or to the first pending annotation after it when `pending`.
function selectNext(step, pending = false) {
  if (!state.doc) return;
  const items = ordered();
  if (!items.length) { state.selected = null; render(); return; }
  let k = items.findIndex((i) => i.id === state.selected);
  if (pending) {
    for (let n = 1; n <= items.length; n++) {
      const item = items[(Math.max(k, -1) + n + items.length) % items.length];
      if (item.status === "pending") { state.selected = item.id; render(); scrollToSelected(); return; }
    }
    if (k < 0) state.selected = items[0].id;
  } else {
    k = k < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(Math.max(k + step, 0), items.length - 1);
    state.selected = items[k].id;
  }
  render();
  scrollToSelected();
}

function scrollToSelected() {
  const node = document.querySelector(".seg.sel, .tag.sel");
  if (node) node.scrollIntoView({ block: "nearest" });
}

// ---- Text ----------------------------------------------------------------------------------

/// The text, cut at every annotation boundary; each piece is coloured by the innermost
/// annotation over it, and a small tag follows each annotation's end.
function renderText() {
  const doc = state.doc;
  const spans = [];
  for (const e of doc.entities) spans.push({ id: e.id, owner: e.id, start: e.start, end: e.end, color: labelColor(e.label), tag: e.label.slice(0, 3), status: e.status });
  for (const s of doc.stances) {
    if (s.cue) spans.push({ id: s.cue.id, owner: s.id, start: s.cue.start, end: s.cue.end, color: categoryColor(s.category), tag: s.category.slice(0, 4), status: s.status });
  }
  const selectedStance = state.selected && stanceById(state.selected);
  const holderIds = new Set(selectedStance ? selectedStance.holders.map((h) => h.id) : []);
  const target = selectedStance && selectedStance.target;
  const cuts = new Set([0, state.chars.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (target) { cuts.add(target.start); cuts.add(target.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= state.chars.length).sort((a, b) => a - b);
  const endsAt = new Map();
  for (const s of spans) { if (!endsAt.has(s.end)) endsAt.set(s.end, []); endsAt.get(s.end).push(s); }
  const nodes = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const over = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const classes = ["seg"];
    const style = {};
    if (over.length) {
      classes.push("ann");
      style.background = over[0].color;
      if (over.some((s) => s.status === "pending")) classes.push("pending");
      if (over.some((s) => s.owner === state.selected)) classes.push("sel");
      if (over.some((s) => holderIds.has(s.id))) classes.push("holder");
    }
    if (target && target.start <= a && target.end >= b) classes.push("target");
    const node = el("span", { class: classes.join(" "), "data-s": a, "data-e": b }, state.chars.slice(a, b).join(""));
    if (style.background) node.style.background = style.background;
    if (over.length) node.addEventListener("click", (event) => {
      if (!window.getSelection().isCollapsed) return;
      // A second click on the same place selects the next annotation over it.
      const ids = [...new Set(over.map((s) => s.owner))];
      const at = ids.indexOf(state.selected);
      state.selected = ids[(at + 1) % ids.length];
      state.range = null;
      render();
      event.stopPropagation();
    });
    nodes.push(node);
    for (const s of (endsAt.get(b) || []).sort((x, y) => y.start - x.start)) {
      const tag = el("span", { class: "tag" + (s.owner === state.selected ? " sel" : ""), title: `${s.owner} ${s.tag}`,
                               onclick: (event) => { state.selected = s.owner; state.range = null; render(); event.stopPropagation(); } },
                     s.tag + (s.status === "accepted" ? " ✓" : ""));
      tag.style.background = s.color;
      nodes.push(tag);
    }
  }
  $("text").replaceChildren(...nodes);
}

/// The code point offset of a DOM position inside the text, or null outside it.
function offsetOf(node, offset) {
  const seg = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest(".seg");
  if (!seg) {
    const tag = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest(".tag");
    const previous = tag && tag.previousElementSibling;
    return previous ? Number(previous.closest(".seg") ? previous.dataset.e : NaN) : null;
  }
  if (node.nodeType !== Node.TEXT_NODE) return Number(offset === 0 ? seg.dataset.s : seg.dataset.e);
  return Number(seg.dataset.s) + Array.from(node.textContent.slice(0, offset)).length;
}

function readSelection() {
  const selection = window.getSelection();
  if (selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!$("text").contains(range.commonAncestorContainer)) return null;
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || isNaN(start) || isNaN(end)) return null;
  while (start < end && /\s/u.test(state.chars[start])) start++;
  while (end > start && /\s/u.test(state.chars[end - 1])) end--;
  return start < end ? { start, end } : null;
}

// ---- Panel ---------------------------------------------------------------------------------

function render() {
  const doc = state.doc;
  $("empty").hidden = !!doc;
  $("document-head").hidden = !doc;
  if (!doc) return;
  $("document-name").textContent = doc.summary.name;
  $("document-counts").replaceChildren(countsLine(doc.summary), doc.summary.reviewed ? el("strong", { class: "accepted" }, "  ✓ reviewed") : "");
  renderText();
  renderStances();
  renderPanel();
}

function renderStances() {
  const doc = state.doc;
  $("stance-section").hidden = doc.stances.length === 0;
  const name = (id) => { const e = entityById(id); return e ? e.text : id; };
  $("stance-list").replaceChildren(...doc.stances.map((s) => el("li", {
      class: (s.id === state.selected ? "sel " : "") + "status-" + s.status,
      onclick: () => { state.selected = s.id; state.range = null; render(); scrollToSelected(); } },
    el("span", { class: "cat", style: `background:${categoryColor(s.category)}` }, s.category), " ",
    el("strong", {}, s.holders.map((h) => name(h.id)).join(" & ") || "—"), " ",
    el("em", {}, s.cue ? s.cue.text : ""), " ",
    s.target ? `→ “${s.target.text}”` : "",
    Object.entries(s.attributes).filter(([, on]) => on).map(([k]) => el("span", { class: "chip" }, k)))));
}

function renderPanel() {
  const panel = $("panel");
  const doc = state.doc;
  const parts = [];
  const range = state.range;
  const item = state.selected && annotation(state.selected);
  if (range) parts.push(...selectionPanel(range, item));
  if (item && item.label !== undefined) parts.push(...entityPanel(item));
  else if (item) parts.push(...stancePanel(item));
  if (!parts.length) parts.push(el("p", { class: "muted" }, "Click an annotation, or select text to add one. Press ? for the keys."));
  panel.replaceChildren(...parts);
  void doc;
}

function selectionPanel(range, item) {
  const text = state.chars.slice(range.start, range.end).join("");
  const parts = [el("h2", {}, "Selected text"), el("div", { class: "quote" }, text),
    el("h3", {}, "Add as entity"),
    el("div", { class: "row" }, state.config.labels.map((l) => {
      const b = el("button", { onclick: () => decideOnSelection({ action: "add", label: l.name, start: range.start, end: range.end }) }, l.name);
      b.style.background = l.color;
      return b;
    }))];
  const category = el("select", {}, state.config.categories.map((c) => el("option", { value: c.name }, c.name)));
  parts.push(el("h3", {}, "Add as stance cue"), el("div", { class: "row" }, category,
    el("button", { onclick: () => decideOnSelection({ action: "add-stance", category: category.value, start: range.start, end: range.end, holders: [] }) }, "Add stance")));
  if (item) {
    const isStance = item.label === undefined;
    parts.push(el("h3", {}, `Use for ${item.id}`), el("div", { class: "row" },
      isStance ? el("button", { onclick: () => decideOnSelection({ action: "set-target", annotation: item.id, start: range.start, end: range.end }) }, "Set as target")
               : el("button", { onclick: () => decideOnSelection({ action: "resize", annotation: item.id, start: range.start, end: range.end }) }, "Set as boundaries"),
      isStance && item.cue ? el("button", { onclick: () => decideOnSelection({ action: "resize", annotation: item.cue.id, start: range.start, end: range.end }) }, "Set as cue") : null));
  }
  return parts;
}

function decisionButtons(id) {
  return el("div", { class: "row" },
    el("button", { class: "primary", title: "Accept (a)", onclick: () => acceptSelected() }, "Accept"),
    el("button", { class: "danger", title: "Reject (r)", onclick: () => rejectSelected() }, "Reject"),
    el("span", { class: "muted" }, id));
}

function nudgeRow(id, start, end) {
  // Moves a boundary by one character (a user-perceived one: the server refuses to split one).
  const step = (offset, delta) => {
    let next = offset + delta;
    while (next > 0 && next < state.chars.length && /\p{M}|\u200d|[\u{1F3FB}-\u{1F3FF}]|\uFE0F/u.test(state.chars[next])) next += delta;
    return next;
  };
  const send = (s, e) => decide({ action: "resize", annotation: id, start: s, end: e });
  return el("div", { class: "row" }, "start",
    el("button", { title: "Start one character earlier", onclick: () => send(step(start, -1), end) }, "◀"),
    el("button", { title: "Start one character later", onclick: () => send(step(start, 1), end) }, "▶"),
    " end",
    el("button", { title: "End one character earlier", onclick: () => send(start, step(end, -1)) }, "◀"),
    el("button", { title: "End one character later", onclick: () => send(start, step(end, 1)) }, "▶"));
}

function entityPanel(e) {
  const label = el("select", { onchange: () => decide({ action: "relabel", annotation: e.id, label: label.value }) },
    state.config.labels.map((l) => el("option", { value: l.name, selected: l.name === e.label }, l.name)));
  const parts = [el("h2", {}, `${e.label} `, el("span", { class: e.status === "accepted" ? "accepted" : "pending" }, e.status)),
    el("div", { class: "quote" }, e.text), el("div", { class: "muted" }, `code points ${e.start}–${e.end}`),
    decisionButtons(e.id), el("h3", {}, "Label"), label, el("h3", {}, "Boundaries"), nudgeRow(e.id, e.start, e.end),
    el("p", { class: "muted" }, "Or select other text and choose “Set as boundaries”.")];
  const config = state.config.labels.find((l) => l.name === e.label);
  if (config && config.normalized) {
    const reference = e.references[0] || { id: "", name: "" };
    const list = el("datalist", { id: "lexicon-hits" });
    const idInput = el("input", { type: "text", value: reference.id, list: "lexicon-hits", placeholder: "lexicon id, e.g. JPN or kishida-fumio",
      oninput: async () => {
        if (idInput.value.length < 2) return;
        const { entries } = await api("GET", `/api/lexicon?label=${encodeURIComponent(e.label === "Actor" ? "" : e.label)}&q=${encodeURIComponent(idInput.value)}`).catch(() => ({ entries: [] }));
        list.replaceChildren(...entries.map((h) => el("option", { value: h.id }, `${h.name}${h.country ? " (" + h.country + ")" : ""}`)));
      } });
    parts.push(el("h3", {}, "Normalized to"), idInput, list, el("div", { class: "row" },
      el("button", { onclick: () => decide({ action: "normalize", annotation: e.id, reference: idInput.value.trim() }) }, "Set id"),
      el("button", { onclick: () => decide({ action: "normalize", annotation: e.id, reference: "" }) }, "Remove id")));
  }
  if (config && config.lexicon) {
    const name = el("input", { type: "text", value: e.text });
    const id = el("input", { type: "text", value: e.references[0] ? "" : "", placeholder: "id (default: made from the name)" });
    parts.push(el("h3", {}, "Add to lexicon"), el("label", {}, "name ", name), el("label", {}, "id ", id),
      el("button", { onclick: async () => {
        try {
          const added = await api("POST", "/api/lexicon", { label: e.label, name: name.value, id: id.value || null });
          showBanner(`Added ${added.label} “${added.name}” (${added.id}) to ${added.file}:${added.line}; annotate with --lexicons on its folder to use it.`, "info");
        } catch (error) { showBanner(`Not added: ${error.message}`); }
      } }, "Add to lexicon"));
  }
  return parts;
}

function stancePanel(s) {
  const category = el("select", { onchange: () => decide({ action: "relabel", annotation: s.id, category: category.value }) },
    state.config.categories.map((c) => el("option", { value: c.name, selected: c.name === s.category }, c.name)));
  const holders = s.holders.map((h) => h.id);
  const candidates = state.doc.entities.filter((e) => ["Person", "Place", "Organization", "Actor"].includes(e.label) && !holders.includes(e.id))
    .sort((a, b) => Math.abs(a.start - (s.cue ? s.cue.start : 0)) - Math.abs(b.start - (s.cue ? s.cue.start : 0)));
  const add = el("select", {}, el("option", { value: "" }, "add a holder…"),
    candidates.map((e) => el("option", { value: e.id }, `${e.text} (${e.label}, ${e.id})`)));
  add.addEventListener("change", () => { if (add.value) decide({ action: "set-holders", annotation: s.id, holders: holders.concat([add.value]) }); });
  return [el("h2", {}, "Stance ", el("span", { class: s.status === "accepted" ? "accepted" : "pending" }, s.status)),
    el("div", { class: "quote" }, s.cue ? s.cue.text : ""), decisionButtons(s.id),
    el("h3", {}, "Category"), category,
    el("h3", {}, "Holders"), el("div", {}, holders.length ? holders.map((id) => el("span", { class: "chip" }, (entityById(id) || { text: id }).text,
      el("button", { title: "Remove", onclick: () => decide({ action: "set-holders", annotation: s.id, holders: holders.filter((h) => h !== id) }) }, "✕"))) : el("span", { class: "muted" }, "none")), add,
    el("h3", {}, "Target"), s.target ? el("div", { class: "quote" }, s.target.text) : el("div", { class: "muted" }, "none"),
    el("div", { class: "row" }, s.target ? el("button", { onclick: () => decide({ action: "set-target", annotation: s.id }) }, "Remove target") : null,
      el("span", { class: "muted" }, "Select text and choose “Set as target”.")),
    s.cue ? el("h3", {}, "Cue boundaries") : null, s.cue ? nudgeRow(s.cue.id, s.cue.start, s.cue.end) : null,
    el("h3", {}, "Attributes"),
    el("div", {}, state.config.attributes.map((name) => el("label", {}, el("input", { type: "checkbox", checked: s.attributes[name],
      onchange: (event) => decide({ action: "set-attribute", annotation: s.id, name, value: event.target.checked }) }), " ", name))),
  ];
}

// ---- Actions -------------------------------------------------------------------------------

async function acceptSelected() {
  if (!state.selected) return;
  const view = await decide({ action: "accept", annotation: state.selected });
  if (view) selectNext(1, true);
}

async function rejectSelected() {
  if (!state.selected) return;
  const items = ordered();
  const k = items.findIndex((i) => i.id === state.selected);
  const view = await decide({ action: "reject", annotation: state.selected });
  if (view) {
    const rest = ordered();
    state.selected = rest.length ? rest[Math.min(Math.max(k, 0), rest.length - 1)].id : null;
    render();
  }
}

function moveDocument(step) {
  if (!state.documents.length) return;
  const k = state.doc ? state.documents.findIndex((s) => s.name === state.doc.summary.name) : -1;
  const next = state.documents[Math.min(Math.max(k + step, 0), state.documents.length - 1)];
  if (next) openDocument(next.name);
}

document.addEventListener("keydown", (event) => {
  if (event.target.closest && event.target.closest("input, select, textarea")) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const keys = {
    a: acceptSelected, r: rejectSelected, Delete: rejectSelected,
    j: () => selectNext(1), ArrowDown: () => selectNext(1), k: () => selectNext(-1), ArrowUp: () => selectNext(-1),
    n: () => moveDocument(1), p: () => moveDocument(-1), u: undo,
    "?": () => $("help").showModal(),
    Escape: () => { state.range = null; state.selected = null; window.getSelection().removeAllRanges(); render(); },
  };
  const action = keys[event.key];
  if (action) { event.preventDefault(); action(); }
});

$("text").addEventListener("mouseup", () => {
  const range = readSelection();
  if (range) { state.range = range; renderPanel(); }
});
$("undo").addEventListener("click", undo);
$("accept-all").addEventListener("click", () => decide({ action: "accept-all" }));
$("help-button").addEventListener("click", () => $("help").showModal());

(async function start() {
  try {
    state.config = await api("GET", "/api/config");
    await loadDocuments();
    const wanted = new URLSearchParams(location.hash.slice(1)).get("doc");
    const first = state.documents.find((s) => s.name === wanted) || state.documents.find((s) => !s.reviewed) || state.documents[0];
    if (first) await openDocument(first.name);
  } catch (error) {
    showBanner(`Cannot reach the review server: ${error.message}`);
  }
})();
