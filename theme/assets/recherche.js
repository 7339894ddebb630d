// The search page: reads the form, asks Pagefind's indexes and lists the acts.
//
// There is one Pagefind index per year (pagefind/2026/, pagefind/2025/ …), or
// per part of a year of many acts (pagefind/2025-07/, pagefind/2025-01/), so a
// query costs one index of at most a few thousand acts, not the whole archive.
// With a year chosen, only that year's index (or parts) is asked. With "Toutes
// les années", the newest index is asked first and older ones are merged into
// the same search (Pagefind's mergeIndex) until there are enough results; a
// button asks the remaining ones. Results are built with DOM methods only: text from the
// index never becomes markup, except Pagefind's <mark> in excerpts, which are
// rebuilt as elements from the plain text around them.

const SITE = new URL("../", import.meta.url); // assets/ sits at the site root
const INDEXES = new URL("pagefind/", SITE);
const SHOWN_AT_ONCE = 10; // results shown at a time: each costs a fragment of a few KB
// Every act page carries this word once (site_templates/_acte_recherche.md.j2):
// filters without words search for it, which costs one small word chunk, where
// Pagefind's filter-only search would load every word chunk of the index.
const EVERY_ACT = "tousactes";
const ENOUGH = 10; // widen "all years" until this many results, then ask

// The script starts in the page's head (theme/recherche.html), before the page
// is parsed: the years come from a <meta> written before it, and a query in the
// address starts loading Pagefind and its index at once. The form is read and
// the results written once the page is parsed (start() below).
// An index is a year ("2025") or, for a year of many acts, a part of it named by
// the month it starts ("2025-07": July to December; generator/search.py).
const indexes = (document.querySelector('meta[name="actes-recherche-index"]')?.content || "")
  .split(" ").filter(Boolean); // newest first
const yearOf = (index) => index.slice(0, 4);
const years = [...new Set(indexes.map(yearOf))]; // newest first
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre"];
const FILTERS = ["type", "matiere", "collectivite"];
let form, field, statusBox, list, more; // the page's elements, set by start()

let pagefind = null; // the module, loaded once
const scopes = new Map(); // "2025" or "toutes" -> {search, merged: [years]}
let current = null; // the search whose results are on screen
let sequence = 0; // a newer search makes older answers obsolete

document.documentElement.classList.add("actes-js");

function indexUrl(year) {
  return new URL(`${year}/`, INDEXES).pathname;
}

async function loadPagefind() {
  // Every year's bundle has the same pagefind.js: generator/search.py publishes one
  // copy for all, pagefind/pagefind.js, which the page preloads (theme/recherche.html).
  if (!pagefind) pagefind = await import(new URL("pagefind.js", INDEXES).href);
  return pagefind;
}

function scopeFor(year) {
  // The promise is kept, not its result: a second search started while the
  // first is still loading Pagefind shares the same instance.
  const key = year || "toutes";
  if (!scopes.has(key)) {
    const made = createScope(year);
    made.catch(() => scopes.delete(key)); // a failed load is tried again next time
    scopes.set(key, made);
  }
  return scopes.get(key);
}

async function createScope(year) {
  // A year: its index, or all its parts merged. All years: the newest index first.
  const [first, ...rest] = year ? indexes.filter((index) => yearOf(index) === year) : [indexes[0]];
  if (!first) throw new Error(`pas d'index pour ${year}`);
  const module = await loadPagefind();
  const options = { baseUrl: SITE.pathname, excerptLength: 24 };
  // noWorker: Pagefind searches in the page itself. Its web worker would cost one
  // more script (12 KB) and a worker start before the index is even asked for,
  // while a search in a year's index takes a few milliseconds.
  const search = module.createInstance({ basePath: indexUrl(first), noWorker: true, ...options });
  await search.options(options);
  for (const index of rest) await search.mergeIndex(indexUrl(index), { baseUrl: SITE.pathname });
  return { search, merged: [first, ...rest], pending: Promise.resolve() };
}

function widen(scope) {
  // Merges are chained: two searches widening at once merge one year each, in
  // turn, and `pending` settles only when every merge asked so far is done.
  // A year counts as merged once Pagefind has it, so a search never runs on a
  // half-merged index.
  const step = scope.pending.then(async () => {
    const next = indexes.find((index) => !scope.merged.includes(index));
    if (!next) return false;
    await scope.search.mergeIndex(indexUrl(next), { baseUrl: SITE.pathname });
    scope.merged.push(next);
    return true;
  });
  scope.pending = step.catch(() => false);
  return step;
}

function readForm() {
  const data = new FormData(form);
  const filters = {};
  for (const name of FILTERS) {
    const value = data.get(name);
    if (value) filters[name] = value;
  }
  return { q: (data.get("q") || "").trim(), annee: data.get("annee") || "", tri: data.get("tri") || "", filters };
}

function writeForm(params) {
  for (const [name, value] of params) {
    const control = form.elements.namedItem(name);
    if (control && "value" in control) control.value = value;
  }
}

function syncUrl(query) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.annee) params.set("annee", query.annee);
  for (const [name, value] of Object.entries(query.filters)) params.set(name, value);
  if (query.tri) params.set("tri", query.tri);
  const url = `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  // Unchanged for a query read from the address: replaceState costs the first
  // search about 10 ms of main thread in a fresh tab (a Chromium profile).
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
}

function say(text) {
  statusBox.textContent = text;
}

function yearsLabel(merged) {
  // The oldest index asked may be a part of a year: "depuis juillet 2025".
  const oldest = [...merged].sort()[0];
  if (oldest.length > 4 && !oldest.endsWith("-01")) {
    return `depuis ${MONTHS[Number(oldest.slice(5)) - 1]} ${yearOf(oldest)}`;
  }
  const sorted = [...new Set(merged.map(yearOf))].sort();
  return sorted.length === 1 ? `en ${sorted[0]}` : `de ${sorted[0]} à ${sorted[sorted.length - 1]}`;
}

function olderYears(run) {
  // The years with an index not asked yet, newest first.
  return run.covered && [...new Set(indexes.filter((index) => !run.covered.includes(index)).map(yearOf))];
}

function countLabel(count) {
  if (count === 0) return "Aucun acte trouvé";
  return count === 1 ? "1 acte trouvé" : `${count.toLocaleString("fr-FR")} actes trouvés`;
}

const excerptHolder = document.createElement("template");

function excerptNodes(excerpt) {
  // Pagefind escapes the page text and wraps matches in <mark>: parse it in an
  // inert <template> (one for every excerpt: a DOMParser makes a document each
  // time), then rebuild it from text nodes and new <mark> elements, so nothing
  // from the index is inserted as markup.
  excerptHolder.innerHTML = `<p>${excerpt}</p>`;
  return [...excerptHolder.content.childNodes].flatMap((node) => (node.nodeName === "P" ? [...node.childNodes] : [node]))
    .map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
}

function resultItem(data, run) {
  const item = document.createElement("li");
  item.className = "actes-resultat";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || `${data.meta.type} n° ${data.meta.numero}`;
  const title = document.createElement("p");
  title.className = "actes-resultat-titre";
  title.append(link);
  if (data.meta.date) title.append(` du ${data.meta.date}`);
  item.append(title);
  if (data.meta.objet) {
    const objet = document.createElement("p");
    objet.className = "actes-resultat-objet";
    objet.textContent = data.meta.objet;
    item.append(objet);
  }
  if (data.excerpt && run.query.q) {
    const extract = document.createElement("p");
    extract.className = "actes-resultat-extrait";
    extract.append("… ", ...excerptNodes(data.excerpt), " …");
    item.append(extract);
  }
  return item;
}

async function showNext(run) {
  const slice = run.results.slice(run.shown, run.shown + SHOWN_AT_ONCE);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (run.id !== sequence) return;
  const firstNew = list.children.length;
  list.append(...data.map((item) => resultItem(item, run)));
  run.shown += slice.length;
  list.hidden = list.children.length === 0;
  updateMore(run);
  return firstNew;
}

function updateMore(run) {
  const remaining = run.results.length - run.shown;
  const older = olderYears(run);
  if (remaining > 0) {
    more.textContent = `Afficher ${Math.min(remaining, SHOWN_AT_ONCE)} résultats de plus`;
    more.dataset.action = "plus";
    more.hidden = false;
  } else if (older && older.length) {
    const range = older.length === 1 ? older[0] : `${older[older.length - 1]} à ${older[0]}`;
    more.textContent = `Chercher aussi dans les actes de ${range}`;
    more.dataset.action = "elargir";
    more.hidden = false;
  } else {
    more.hidden = true;
  }
}

function summary(run) {
  const where = run.covered ? ` ${yearsLabel(run.covered)}` : ` en ${run.query.annee}`;
  let text = `${countLabel(run.results.length)}${where}.`;
  const older = olderYears(run);
  if (older && older.length) {
    text += yearsLabel(run.covered).startsWith("depuis") ? " Les actes antérieurs n'ont pas encore été consultés."
      : " Les années antérieures n'ont pas encore été consultées.";
  }
  return text;
}

function namesMissingYear(query, scope) {
  // An act number with its year in the words ("2025-12", "A2025/7"): every index
  // of that year and the newer ones is asked before stopping, so the act itself
  // is not left in a part of the year not asked yet.
  const named = [...query.q.matchAll(/((?:19|20)\d\d)[-_/]\d/g)].map((m) => m[1]).filter((y) => years.includes(y));
  if (!named.length) return false;
  const oldest = named.sort()[0];
  return indexes.some((index) => yearOf(index) >= oldest && !scope.merged.includes(index));
}

function byDate(query) {
  return query.tri === "date" || !query.q; // filters alone: newest first
}

async function ask(query, scope) {
  // Returns the results and the indexes they cover (the indexes merged when asked).
  await scope.pending;
  const covered = [...scope.merged];
  const term = query.q || EVERY_ACT;
  const filters = query.filters;
  if (!byDate(query)) return [(await scope.search.search(term, { filters })).results, covered];
  const answers = await Promise.all(byIndex(covered).map((only) =>
    scope.search.search(term, { filters: { ...filters, ...only }, sort: { date: "desc" } })));
  return [answers.flatMap((answer) => answer.results), covered];
}

function byIndex(covered) {
  // Pagefind orders each index by date, but merges indexes by score: ask one
  // index at a time, newest first, a year through the year filter, a part of a
  // year through the months it holds. With one index, no filter: it would only
  // cost its chunk (10 KB).
  if (covered.length === 1) return [{}];
  return [...covered].sort().reverse().map((index) => {
    if (index.length === 4) return { annee: index };
    const next = indexes.filter((other) => yearOf(other) === yearOf(index) && other > index).sort()[0];
    const months = [];
    for (let month = Number(index.slice(5)); month < (next ? Number(next.slice(5)) : 13); month += 1) {
      months.push(`${yearOf(index)}-${String(month).padStart(2, "0")}`);
    }
    return { mois: { any: months } };
  });
}

async function runSearch(query, { widenFirst = false } = {}) {
  const id = ++sequence;
  syncUrl(query);
  if (!query.q && !Object.keys(query.filters).length && !query.annee) {
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    say("");
    return;
  }
  if (!years.length) {
    say("Aucun acte n'est encore publié.");
    return;
  }
  say("Recherche en cours…");
  let scope;
  try {
    scope = await scopeFor(query.annee);
    const run = { id, query, covered: null, results: [], shown: 0 };
    if (widenFirst) await widen(scope);
    let covered;
    [run.results, covered] = await ask(query, scope);
    if (!query.annee) run.covered = covered;
    // "All years": merge older years while there are too few results. Another
    // search may merge years meanwhile, so ask again whenever the index grew.
    while (!query.annee && (run.results.length < ENOUGH || namesMissingYear(query, scope)) && id === sequence) {
      await widen(scope);
      if (id !== sequence) return;
      if (scope.merged.length === covered.length) break; // every index is in
      if (run.results.length) await render(run, id);
      [run.results, covered] = await ask(query, scope);
      run.covered = covered;
    }
    if (id !== sequence) return;
    current = run;
    await render(run, id);
    say(summary(run));
  } catch (error) {
    if (id !== sequence) return;
    console.error(error);
    say("La recherche n'est pas disponible pour le moment. Les actes restent accessibles par le registre, les matières et les types.");
  }
}

async function render(run, id) {
  list.replaceChildren();
  run.shown = 0;
  if (id !== sequence) return;
  await showNext(run);
}

let typing = null;
let materialStarted = false;

function startMaterial() {
  // Material's scripts wait in a <template> (theme/recherche.html) until the first
  // results are shown: copies of them are run in their order, then Material is
  // told the page is ready, as its bundle starts on DOMContentLoaded, long past.
  if (materialStarted) return;
  materialStarted = true;
  const held = document.getElementById("actes-scripts-material");
  if (!held) return;
  const scripts = [...held.content.querySelectorAll("script")].map((script) => {
    const copy = document.createElement("script");
    for (const { name, value } of script.attributes) copy.setAttribute(name, value);
    copy.async = false; // run in the order the page gives
    return copy;
  });
  const last = scripts[scripts.length - 1];
  if (!last) return;
  last.addEventListener("load", () => document.dispatchEvent(new Event("DOMContentLoaded")), { once: true });
  document.body.append(...scripts);
}

function start() {
  form = document.getElementById("recherche");
  field = document.getElementById("recherche-q");
  statusBox = document.getElementById("recherche-statut");
  list = document.getElementById("recherche-resultats");
  more = document.getElementById("recherche-plus");
  if (!form) {
    startMaterial();
    return;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    runSearch(readForm());
  });

  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") runSearch(readForm());
  });

  field.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => runSearch(readForm()), 350);
  });

  more.addEventListener("click", async () => {
    if (!current) return;
    if (more.dataset.action === "plus") {
      const firstNew = await showNext(current);
      const link = list.children[firstNew]?.querySelector("a");
      if (link) link.focus(); // keyboard users land on the first new result
      say(`${summary(current)} ${current.shown} affichés.`);
    } else {
      const shownBefore = current.shown;
      await runSearch(current.query, { widenFirst: true });
      const link = list.children[shownBefore]?.querySelector("a");
      if (link) link.focus();
    }
  });

  const initial = new URLSearchParams(location.search);
  writeForm(initial);
  if (years.length && [...initial.values()].some(Boolean)) {
    runSearch(readForm()).finally(startMaterial);
    setTimeout(startMaterial, 3000); // a slow network: the page's own scripts wait no longer
    return;
  }
  startMaterial();
  if (years.length) {
    // Someone about to type: load Pagefind and the index of the year the form
    // points at while they type, so the answer does not wait for them.
    form.addEventListener("focusin", () => scopeFor(readForm().annee).catch(() => {}), { once: true });
  }
}

// A query in the address (a shared link, the header's search box): its index,
// word chunks and filter chunks are fetched while the page is still parsed.
const fromAddress = new URLSearchParams(location.search);
if (years.length && [...fromAddress.values()].some(Boolean)) {
  const q = (fromAddress.get("q") || "").trim();
  const annee = fromAddress.get("annee") || "";
  const filters = {};
  for (const name of FILTERS) if (fromAddress.get(name)) filters[name] = fromAddress.get(name);
  scopeFor(annee)
    .then((scope) => scope.search.preload(q || EVERY_ACT, { filters }))
    .catch(() => {}); // the search itself reports failures
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
