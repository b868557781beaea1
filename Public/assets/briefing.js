// Briefing: search box and link previews. Vanilla JavaScript, nothing loaded from another host.
// The previews (previews.js, small) come with every page; the search index (search-index.js,
// which grows with the text) is loaded when the search box is first used. Both are scripts, so
// this works over file:// as well as from any host and sub-path. Without JavaScript, pages are
// plain linked documents.
(function () {
  "use strict";
  var data = window.BRIEFING_SEARCH || null;
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

  // A term's documents: base-36 gaps between ascending doc numbers ("3,6,z" is 3, 9, 44).
  function postings(term) {
    var n = 0;
    return data.terms[term].split(",").map(function (gap) { n += parseInt(gap, 36); return n; });
  }

  // Documents holding every word of the query; the last word may be a prefix ("pes" → Peskov).
  function lookup(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var sets = terms.map(function (term, i) {
      var found = {};
      if (has(data.terms, term)) postings(term).forEach(function (d) { found[d] = true; });
      if (i === terms.length - 1) {
        Object.keys(data.terms).forEach(function (key) {
          if (key.length > term.length && key.lastIndexOf(term, 0) === 0) postings(key).forEach(function (d) { found[d] = true; });
        });
      }
      return found;
    });
    return Object.keys(sets[0]).map(Number).filter(function (d) {
      return sets.every(function (s) { return s[d]; });
    });
  }

  // Actors first, then articles (a paragraph hit stands for its article, linked to the paragraph), then dates.
  function search(query) {
    var rank = { c: 0, a: 1, d: 2 };
    var results = [];
    var articles = {};
    lookup(query).forEach(function (d) {
      var doc = data.docs[d];
      if (doc[0] === "p") {
        var a = d - Number(doc[1]);
        if (articles[a] === undefined) {
          articles[a] = results.length;
          var art = data.docs[a];
          results.push({ kind: "a", title: art[1], url: art[2] + "#p" + doc[2], detail: doc[3], sort: 1 });
        }
      } else if (doc[0] === "a") {
        if (articles[d] === undefined) {
          articles[d] = results.length;
          results.push({ kind: "a", title: doc[1], url: doc[2], detail: doc[3], sort: 1 });
        }
      } else {
        results.push({ kind: doc[0], title: doc[1], url: doc[2], detail: doc[3], sort: rank[doc[0]] });
      }
    });
    return results.sort(function (x, y) { return x.sort - y.sort; }).slice(0, 12);
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

  // The index, loaded once, when the box is first focused or typed in (a layout may still load
  // it with the page: then it is there already). What asked for it runs when it has come.
  var waiting = [];
  var loading = false;
  function withIndex(then) {
    data = data || window.BRIEFING_SEARCH || null;
    if (data) { then(); return; }
    if (waiting.indexOf(then) < 0) waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index") || root + "search-index.js";
    script.onload = function () {
      data = window.BRIEFING_SEARCH || null;
      var ready = waiting;
      waiting = [];
      if (data) ready.forEach(function (f) { f(); });
    };
    // Missing or unreadable: the box stays as it is, and the next use tries again.
    script.onerror = function () { waiting = []; loading = false; script.remove(); };
    document.head.appendChild(script);
  }
  function nothing() {}
  function update() { render(search(input.value)); }

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
  // [title, detail] by the page's path from the site root (or, with a layout that loads the
  // search index instead, from its actor and date documents).
  var byUrl = window.BRIEFING_PREVIEWS || null;
  if (!byUrl && data) {
    byUrl = Object.create(null);
    data.docs.forEach(function (doc) { if (doc[0] === "c" || doc[0] === "d") byUrl[doc[2]] = [doc[1], doc[3]]; });
  }
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
