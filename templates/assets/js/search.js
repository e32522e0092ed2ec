// StaticNews site search: runs in the browser over the index the build writes to /search/ (meta.json, docs/N.json, index/KEY.json).
// Tokens, folding and ranking mirror StaticNews.Search (SearchTokenizer, SearchQuery, SearchRanker) in C#; change both together.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src);
  var indexUrl = new URL("search/", root);
  var STOP = ("a an and are as at be but by for from had has have he her his in is it its of on or she that the their they this to was " +
    "were which will with").split(" ");
  var TITLE = 1, TAG = 2, SUMMARY = 4, BYLINE = 8, BODY = 16;
  var meta = null, shards = {}, chunks = {}, runId = 0;

  function fold(text) { return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase(); }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; }); }
  function indexable(word) { return word.length > 1 && STOP.indexOf(word) < 0; }
  function weight(fields) {
    return fields & TITLE ? 16 : fields & TAG ? 12 : fields & BYLINE ? 4 : fields & SUMMARY ? 3 : fields & BODY ? 1 : 0;
  }
  function shardKey(token) {
    var key = "";
    for (var i = 0; i < Math.min(2, token.length); i++) {
      var c = token.charAt(i);
      key += /[a-z0-9]/.test(c) ? c : "_" + ("0000" + token.charCodeAt(i).toString(16)).slice(-4);
    }
    return key;
  }

  function parse(text) {
    var parts = text.split("\""), terms = [], phrases = [];
    parts.forEach(function (part, i) {
      var w = words(part);
      if (i % 2 === 1) { if (w.some(indexable)) { phrases.push(w); } }
      else { w.filter(indexable).forEach(function (t) { if (terms.indexOf(t) < 0) { terms.push(t); } }); }
    });
    return { terms: terms, phrases: phrases };
  }

  function fetchJson(path) {
    return fetch(new URL(path, indexUrl)).then(function (r) {
      if (!r.ok) { throw new Error(path + ": " + r.status); }
      return r.json();
    });
  }
  function loadMeta() { return meta ? Promise.resolve(meta) : fetchJson("meta.json").then(function (m) { meta = m; return m; }); }
  function loadShard(key) {
    if (meta.shards.indexOf(key) < 0) { return Promise.resolve({}); }
    if (!shards[key]) { shards[key] = fetchJson("index/" + key + ".json"); }
    return shards[key];
  }
  function loadDoc(id) {
    var n = Math.floor(id / meta.chunk);
    if (!chunks[n]) { chunks[n] = fetchJson("docs/" + n + ".json"); }
    return chunks[n].then(function (list) {
      var d = list[id - n * meta.chunk];
      return { id: id, url: d[0], title: d[1], summary: d[2], date: d[3], dateText: d[4], authors: d[5], category: d[6], tags: d[7] };
    });
  }
  function postingsOf(shard, token) { return Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : null; }
  function positions(posting) {
    var out = [], at = 0;
    for (var i = 2; i < posting.length; i++) { at += posting[i]; out.push(at); }
    return out;
  }

  function termScores(term) {
    return loadShard(shardKey(term)).then(function (shard) {
      var scores = {};
      Object.keys(shard).forEach(function (token) {
        if (token.indexOf(term) !== 0) { return; }
        var whole = token.length === term.length ? 2 : 1;
        shard[token].forEach(function (p) {
          var s = weight(p[1]) * whole;
          if (s > (scores[p[0]] || 0)) { scores[p[0]] = s; }
        });
      });
      return scores;
    });
  }

  function containsPhrase(list, phrase) {
    for (var i = 0; i + phrase.length <= list.length; i++) {
      var j = 0;
      while (j < phrase.length && list[i + j] === phrase[j]) { j++; }
      if (j === phrase.length) { return true; }
    }
    return false;
  }

  function phraseScores(phrase) {
    var parts = [];
    phrase.forEach(function (w, offset) { if (indexable(w)) { parts.push({ word: w, offset: offset }); } });
    return Promise.all(parts.map(function (p) { return loadShard(shardKey(p.word)); })).then(function (loaded) {
      var lists = parts.map(function (p, i) { return postingsOf(loaded[i], p.word); });
      if (lists.some(function (l) { return !l; })) { return {}; }
      var candidates = lists[0].filter(function (first) {
        return lists.every(function (l) { return l.some(function (p) { return p[0] === first[0]; }); });
      });
      return Promise.all(candidates.map(function (first) { return loadDoc(first[0]); })).then(function (docs) {
        var scores = {};
        docs.forEach(function (doc, k) {
          var found = lists.map(function (l) { return l.filter(function (p) { return p[0] === candidates[k][0]; })[0]; });
          var s = containsPhrase(words(doc.title), phrase) ? 2 * weight(TITLE)
            : doc.tags.some(function (t) { return containsPhrase(words(t), phrase); }) ? 2 * weight(TAG)
            : containsPhrase(words(doc.summary), phrase) ? 2 * weight(SUMMARY)
            : inBody(found, parts) ? 2 * weight(BODY) : 0;
          if (s > 0) { scores[doc.id] = s; }
        });
        return scores;
      });
    });
  }

  function inBody(found, parts) {
    var rest = found.map(positions);
    return rest[0].some(function (start) {
      var origin = start - parts[0].offset;
      for (var k = 1; k < found.length; k++) { if (rest[k].indexOf(origin + parts[k].offset) < 0) { return false; } }
      return true;
    });
  }

  function combine(a, b) {
    if (a === null) { return b; }
    var out = {};
    Object.keys(a).forEach(function (id) { if (Object.prototype.hasOwnProperty.call(b, id)) { out[id] = a[id] + b[id]; } });
    return out;
  }

  function search(text) {
    var query = parse(text);
    if (query.terms.length === 0 && query.phrases.length === 0) { return Promise.resolve([]); }
    return loadMeta().then(function () {
      return Promise.all(query.terms.map(termScores).concat(query.phrases.map(phraseScores)));
    }).then(function (all) {
      var scores = all.reduce(combine, null) || {};
      var ranked = Object.keys(scores).map(function (id) { return { id: +id, score: scores[id] }; });
      ranked.sort(function (x, y) { return y.score - x.score || x.id - y.id; });
      return Promise.all(ranked.slice(0, 50).map(function (r) { return loadDoc(r.id); }));
    });
  }

  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var header = document.getElementById("site-search");

  function href(url) { return new URL(url.substring(meta.base.length), root).href; }
  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }

  function show(text) {
    var id = ++runId;
    if (header) { header.value = text; }
    var url = new URL(location.href);
    if (text) { url.searchParams.set("q", text); } else { url.searchParams.delete("q"); }
    history.replaceState(null, "", url);
    search(text).then(function (docs) {
      if (id !== runId) { return; }
      results.textContent = "";
      docs.forEach(function (doc) {
        var li = element("li", "search-result");
        var h = element("h2");
        var a = element("a", null, doc.title);
        a.href = href(doc.url);
        h.appendChild(a);
        li.appendChild(h);
        var details = [doc.dateText, doc.category, doc.authors.join(", ")].filter(function (s) { return s; }).join(" · ");
        li.appendChild(element("p", "card-meta", details));
        if (doc.summary) { li.appendChild(element("p", "search-summary", doc.summary)); }
        results.appendChild(li);
      });
      status.textContent = !text.trim() ? "Type to search." : docs.length === 0 ? "No articles match “" + text + "”."
        : docs.length === 1 ? "1 article matches." : docs.length + " articles match.";
    }).catch(function () {
      if (id === runId) { status.textContent = "The search index could not be loaded."; }
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  input.form.addEventListener("submit", function (e) { e.preventDefault(); show(input.value); });
  var initial = new URL(location.href).searchParams.get("q") || "";
  input.value = initial;
  loadMeta().then(function () { show(initial); }, function () { status.textContent = "The search index could not be loaded."; });
})();
