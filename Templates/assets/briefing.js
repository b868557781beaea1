// Briefing: search box and link previews. Vanilla JavaScript, nothing loaded from another host.
// The previews (previews.js, small) come with every page. The search index grows with the text,
// so it is split (search/index.js and its parts) and loaded as queries need it: when the search
// box is first used, the manifest; for each query, the terms of its words' first letters and the
// documents of the results shown. Everything is a script, so this works over file:// as well as
// from any host and sub-path. Without JavaScript, pages are plain linked documents.
(function () {
  "use strict";
  // The split index's manifest (search/index.js), once loaded.
  var shards = null;
  var partsBase = "";
  var root = document.body.getAttribute("data-root") || "";
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  var stop = Object.create(null);
  ["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from", "that", "this", "is",
   "was", "were", "be", "been", "has", "have", "had", "it", "its", "as", "but", "not", "he", "she", "they", "his",
   "her", "their", "we", "said", "would", "will", "which", "who", "s"].forEach(function (w) { stop[w] = true; });

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2 && !stop[w]; });
  }
  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (x) { if (seen[x]) return false; seen[x] = true; return true; });
  }

  // Base-36 gaps between ascending numbers ("3,6,z" is 3, 9, 44).
  function gaps(text) {
    var n = 0;
    return text ? text.split(",").map(function (gap) { n += parseInt(gap, 36); return n; }) : [];
  }

  // A script, loaded once; then(ok) when it has come or failed (a failed one is tried again next time).
  var scripts = Object.create(null);
  function loadScript(src, then) {
    var entry = scripts[src];
    if (entry) { if (entry.done) then(true); else entry.waiting.push(then); return; }
    entry = scripts[src] = { done: false, waiting: [then] };
    var script = document.createElement("script");
    script.src = src;
    function finish(ok) {
      var waiting = entry.waiting;
      entry.waiting = [];
      if (ok) entry.done = true; else { delete scripts[src]; script.remove(); }
      waiting.forEach(function (f) { f(ok); });
    }
    script.onload = function () { finish(true); };
    script.onerror = function () { finish(false); };
    document.head.appendChild(script);
  }
  function part(key) {
    var parts = window.BRIEFING_SEARCH_PARTS;
    return parts && has(parts, key) ? parts[key] : null;
  }
  // The parts of the split index with these keys ("t-p", "d-12"), then then().
  function loadParts(keys, then) {
    var left = keys.length;
    if (!left) { then(); return; }
    keys.forEach(function (key) {
      if (part(key)) { if (--left === 0) then(); return; }
      loadScript(partsBase + key + ".js", function () { if (--left === 0) then(); });
    });
  }

  // A term's part: its first letter or digit, "_" for anything else.
  function termPart(term) { var c = term.charAt(0); return "t-" + (/[a-z0-9]/.test(c) ? c : "_"); }
  function termsOf(term) { return part(termPart(term)) || {}; }
  function doc(d) {
    var docs = part("d-" + Math.floor(d / shards.perShard));
    return docs ? docs[d % shards.perShard] : null;
  }
  function docPart(d) { return "d-" + Math.floor(d / shards.perShard); }

  // Documents holding every word of the query; the last word may be a prefix ("pes" → Peskov).
  function lookup(terms) {
    var sets = terms.map(function (term, i) {
      var found = {};
      var dictionary = termsOf(term);
      if (has(dictionary, term)) gaps(dictionary[term]).forEach(function (d) { found[d] = true; });
      if (i === terms.length - 1) {
        Object.keys(dictionary).forEach(function (key) {
          if (key.length > term.length && key.lastIndexOf(term, 0) === 0) gaps(dictionary[key]).forEach(function (d) { found[d] = true; });
        });
      }
      return found;
    });
    return Object.keys(sets[0]).map(Number).sort(function (x, y) { return x - y; }).filter(function (d) {
      return sets.every(function (s) { return s[d]; });
    });
  }

  // A document's kind, and a paragraph's article, from the manifest.
  function kindOf(d) {
    if (d >= shards.dates) return "d";
    if (d >= shards.actors) return "c";
    return articleOf(d) === d ? "a" : "p";
  }
  function articleOf(d) {
    var starts = shards.articleStarts, low = 0, high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= d) low = middle; else high = middle - 1;
    }
    return starts[low];
  }

  // Actors first, then articles (a paragraph hit stands for its article, linked to the
  // paragraph), then dates: the first twelve, as documents to show.
  function plan(found) {
    var rank = { c: 0, a: 1, d: 2 };
    var results = [];
    var articles = {};
    found.forEach(function (d) {
      var kind = kindOf(d);
      if (kind === "p" || kind === "a") {
        var a = kind === "p" ? articleOf(d) : d;
        if (articles[a] === undefined) {
          articles[a] = results.length;
          results.push({ kind: "a", doc: a, paragraph: kind === "p" ? d : -1, sort: 1 });
        }
      } else {
        results.push({ kind: kind, doc: d, paragraph: -1, sort: rank[kind] });
      }
    });
    return results.sort(function (x, y) { return x.sort - y.sort; }).slice(0, 12);
  }
  function resultsOf(planned) {
    var results = [];
    planned.forEach(function (r) {
      var item = doc(r.doc), paragraph = r.paragraph >= 0 ? doc(r.paragraph) : null;
      if (!item || (r.paragraph >= 0 && !paragraph)) return;
      results.push(paragraph ? { kind: "a", title: item[1], url: item[2] + "#p" + paragraph[2], detail: paragraph[3] }
                             : { kind: r.kind, title: item[1], url: item[2], detail: item[3] });
    });
    return results;
  }

  // Searches, loading what the query needs first; only the latest query is shown.
  var generation = 0;
  function search(query, then) {
    var mine = ++generation;
    var terms = words(query);
    if (!terms.length) { then([]); return; }
    // Only the parts the manifest lists: a letter no term begins with has none.
    var listed = unique(terms.map(termPart)).filter(function (key) { return shards.terms.indexOf(key.charAt(2)) >= 0; });
    loadParts(listed, function () {
      if (mine !== generation) return;
      var planned = plan(lookup(terms));
      var needed = [];
      planned.forEach(function (r) { needed.push(docPart(r.doc)); if (r.paragraph >= 0) needed.push(docPart(r.paragraph)); });
      loadParts(unique(needed), function () { if (mine === generation) then(resultsOf(planned)); });
    });
  }

  var labels = { c: "Actor", a: "Article", d: "Date" };
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var form = input && input.form;
  var active = -1;

  function render(results) {
    list.textContent = "";
    active = -1;
    results.forEach(function (r, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "search-result-" + i;
      // An option holds no link: its children are presentational, and the keyboard stays in the
      // box (aria-activedescendant). A click or Enter opens the option's address.
      li.setAttribute("data-href", new URL(root + r.url, document.baseURI).href);
      li.addEventListener("click", function () { window.location.href = li.getAttribute("data-href"); });
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = labels[r.kind];
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = r.title;
      var detail = document.createElement("span");
      detail.className = "search-detail";
      detail.textContent = r.detail;
      li.appendChild(kind);
      li.appendChild(title);
      li.appendChild(detail);
      list.appendChild(li);
    });
    if (!results.length && input.value.trim()) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No results";
      list.appendChild(none);
    }
    var open = list.children.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function highlight(i) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach(function (item, k) { item.setAttribute("aria-selected", k === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  // The index, when the box is first focused or typed in: the manifest named in the form's
  // data-index. What asked for it runs when it has come; missing or unreadable, the box stays as
  // it is, and the next use tries again.
  function ready() {
    if (!shards && window.BRIEFING_SEARCH_SHARDS) {
      shards = window.BRIEFING_SEARCH_SHARDS;
      shards.articleStarts = gaps(shards.articles);
    }
    return !!shards;
  }
  function withIndex(then) {
    var src = form.getAttribute("data-index") || root + "search/index.js";
    partsBase = src.slice(0, src.lastIndexOf("/") + 1);
    if (ready()) { then(); return; }
    loadScript(src, function () { if (ready()) then(); });
  }
  function nothing() {}
  function update() { search(input.value, render); }

  if (input && list && form) {
    input.addEventListener("focus", function () { withIndex(nothing); });
    input.addEventListener("input", function () { withIndex(update); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active - 1); }
      else if (e.key === "Escape") { input.value = ""; render([]); }
      else if (e.key === "Enter") {
        e.preventDefault();
        var items = list.querySelectorAll("[role=option]");
        var target = items[active >= 0 ? active : 0];
        if (target) window.location.href = target.getAttribute("data-href");
      }
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) { list.hidden = true; input.setAttribute("aria-expanded", "false"); } });
  }

  // Link previews: a small card for actor and date links, on hover and on keyboard focus:
  // [title, detail] by the page's path from the site root (previews.js).
  var byUrl = window.BRIEFING_PREVIEWS || null;
  if (!byUrl) return;
  var card = document.createElement("div");
  card.className = "preview-card";
  card.setAttribute("role", "tooltip");
  card.id = "preview-card";
  card.hidden = true;
  document.body.appendChild(card);

  function sitePath(link) {
    // The link's address relative to the site root, whatever the host or sub-path.
    var here = new URL(root || "./", document.baseURI).href;
    return link.href.indexOf(here) === 0 ? link.href.slice(here.length).split("#")[0] : null;
  }
  function show(link) {
    var path = sitePath(link);
    var doc = path !== null && has(byUrl, path) ? byUrl[path] : null;
    if (!doc) return;
    card.textContent = "";
    var title = document.createElement("strong");
    title.textContent = doc[0];
    var detail = document.createElement("span");
    detail.textContent = doc[1];
    card.appendChild(title);
    card.appendChild(detail);
    var box = link.getBoundingClientRect();
    card.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 280)) + "px";
    card.style.top = (window.scrollY + box.bottom + 6) + "px";
    card.hidden = false;
    link.setAttribute("aria-describedby", "preview-card");
  }
  function hide(link) {
    card.hidden = true;
    if (link) link.removeAttribute("aria-describedby");
  }
  document.querySelectorAll("a.actor, a.date").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", function () { hide(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", function () { hide(link); });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
