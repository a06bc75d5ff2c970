/* The handbook's search worker (handbook/search/search_worker.py writes it into the site).
 *
 * It speaks the protocol of Material's search worker (SETUP 0, READY 1, QUERY 2, RESULT 3), so that
 * Material's search box, result list, highlighting and keyboard use stay as they are, and replaces
 * the lunr index with one made for this site:
 *
 * - One segmentation for index and query: Han text is cut by longest match against the vocabulary
 *   that jieba produced at build time (shipped in the index), a character of its own where no word
 *   fits; a query word is found wherever its characters stand together in a page, so 摊贩 finds
 *   小摊贩 and 网吧 finds 黑网吧. Only true particles are dropped (的 了 吗 呢 啊 呀 嘛).
 * - English words are stemmed with lunr's Porter stemmer on both sides; the word being typed also
 *   matches as a prefix.
 * - Ranking: BM25 over section text, plus a section heading, page title or tag holding a query
 *   word, the query as a whole phrase, and a title equal to the query; a section's score is scaled
 *   by the share (idf-weighted) of query words it holds. Pages are ordered by their best section,
 *   with a little credit for every other matching section (a topic's own pages mention it often).
 * - "Missing" lists exactly the query words absent from that result (its heading, page title, text).
 * - The index is fetched on first use: a message on the "handbook-search" BroadcastChannel from the
 *   page (focus of the search box, "/", "s" or "f"; docs/assets/search-load.js), or the first query.
 *   It comes in two files (handbook/search/search_pack.py): the head (vocabulary, pages, section titles),
 *   then the section texts. A query typed before the texts arrive is answered from the head, with
 *   no word marked missing (its text is not known yet), and answered again when they arrive.
 *   The offline edition passes the whole index inline in SETUP (a file:// page cannot fetch).
 */
(function () {
  "use strict"
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  var PARTICLES = { "的": 1, "了": 1, "吗": 1, "呢": 1, "啊": 1, "呀": 1, "嘛": 1 }
  var ENGLISH_STOP = ("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her hers " +
    "him his how however i if in into is it its just least let like likely may me might most must my neither " +
    "no nor not of off often on only or other our own rather said say says she should since so some than that " +
    "the their them then there these they this tis to too twas us wants was we were what when where which " +
    "while who whom why will with would yet you your").split(" ")
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/
  var HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9\u00c0-\u024f]+(?:[.'][a-z0-9]+)*/g
  var VOID = /^(?:area|br|col|hr|img|input|link|meta|wbr)$/i
  // Weights of the ranking; tests/search_queries.yml and `make bench` measure them.
  var K1 = 1.2, B = 0.75
  var W_HEADING = 2.5, W_PAGE_TITLE = 2, W_TAG = 1, W_PHRASE_TITLE = 3, W_PHRASE_TEXT = 1.5
  var W_EXACT_TITLE = 6, W_TITLE_COVER = 4, W_OTHER_SECTIONS = 0.15

  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : self.location.href
  var root = new URL("../../../", here)

  var config = null, engine = null, loading = null, pending = null, last = null, suggest = false
  var complete = false, channel = null, wanted = null

  // Lower case without accents: "café" and "cafe" are one word.
  function lower(s) {
    return (/[\u00c0-\u024f]/.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s).toLowerCase()
  }
  var ENTITIES = { lt: "<", gt: ">", quot: "\"", "#39": "'", nbsp: " ", amp: "&" }
  /* Text as searched: tags out, entities decoded, white space collapsed, lower case (one pass each,
     as this runs over the whole index when it loads). */
  function plain(html) {
    return lower(html.replace(/<[^>]*>|&(lt|gt|quot|#39|nbsp|amp);|\s+/g, function (m, entity) {
      return entity ? ENTITIES[entity] : " "
    }))
  }
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") }
  function escapeHTML(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  }
  function count(haystack, needle) {
    var n = 0, i = haystack.indexOf(needle)
    while (i !== -1) { n++; i = haystack.indexOf(needle, i + needle.length) }
    return n
  }

  /* ------------------------------------------------------------------------ index */

  function Engine(pack) {
    this.english = (pack.lang || []).indexOf("en") !== -1
    // A head without its texts (see load): titles, headings and tags only.
    this.partial = pack.sections.length > 0 && pack.sections[0].length < 4
    this.words = Object.create(null)
    this.longest = 1
    var words = pack.words ? pack.words.split(" ") : []
    for (var w = 0; w < words.length; w++) {
      this.words[words[w]] = 1
      if (words[w].length > this.longest && HAN.test(words[w])) this.longest = words[w].length
    }
    this.pages = pack.pages.map(function (p) {
      return { location: p[0], title: p[1], tags: p[2], plainTitle: plain(p[1]), plainTags: plain(p[2].join(" | ")) }
    })
    var total = 0, self = this
    this.sections = pack.sections.map(function (s) {
      var page = self.pages[s[0]]
      var section = {
        page: s[0], location: page.location + (s[1] ? "#" + s[1] : ""), anchor: s[1],
        title: s[2], text: s[3] || "", plainTitle: plain(s[2]), plain: plain(s[3] || "")
      }
      total += section.plain.length
      return section
    })
    if (this.english) learn(words.filter(function (w) { return !HAN.test(w) }))
    this.average = total / Math.max(1, this.sections.length)
  }

  // Every English word of the site, and the words of each stem: the Porter stemmer runs once per
  // distinct word, and a query word finds every word of the site with the same stem.
  var stemOf = new Map(), wordsOf = new Map()
  function stem(word) {
    var s = stemOf.get(word)
    if (s === undefined) s = /^[a-z]+$/.test(word) ? porterStemmer(word) : word
    return s
  }
  function learn(words) {
    words.forEach(function (word) {
      if (stemOf.has(word)) return
      var s = stem(word)
      stemOf.set(word, s)
      if (wordsOf.has(s)) wordsOf.get(s).push(word)
      else wordsOf.set(s, [word])
    })
  }

  /* A pattern of the site's words an English query word stands for: those of its stem, and while
     it is not yet a whole word of the site (being typed: "inspec"), those it begins. */
  function pattern(term) {
    var words = (wordsOf.get(term.stem) || []).slice()
    if (term.prefix && !stemOf.has(term.word))
      stemOf.forEach(function (s, word) { if (word.indexOf(term.word) === 0) words.push(word) })
    if (!words.length) words.push(term.word)
    return new RegExp("\\b(?:" + words.map(escapeRegExp).join("|") + ")\\b", "g")
  }

  /* Cut a run of Han characters by longest match against the vocabulary, a character where no
     word fits. The same function cuts the text (for suggestions) and the query. */
  Engine.prototype.segment = function (run) {
    var out = []
    for (var i = 0; i < run.length;) {
      var size = Math.min(this.longest, run.length - i)
      while (size > 1 && !this.words[run.substr(i, size)]) size--
      out.push(run.substr(i, size))
      i += size
    }
    return out
  }

  /* The query's terms and phrases. A term is {key, kind: "han" | "latin", word, stem, prefix}. */
  Engine.prototype.parse = function (query) {
    var text = lower(query).replace(/[*+~^:"]/g, " ").replace(/(^|\s)-+/g, " ")
    var chunks = text.split(/[\s,，、;；。!！?？()（）《》“”]+/).filter(Boolean)
    var terms = [], seen = Object.create(null), phrases = [], self = this
    chunks.forEach(function (chunk, c) {
      var inChunk = 0
      var runs = chunk.match(HAN_RUN) || []
      runs.forEach(function (run, r) {
        var last = c === chunks.length - 1 && r === runs.length - 1
        if (HAN.test(run)) {
          var parts = self.segment(run)
          var kept = parts.filter(function (p) { return !(p.length === 1 && PARTICLES[p]) })
          ;(kept.length ? kept : parts).forEach(function (p) {
            inChunk++
            if (!seen[p]) { seen[p] = 1; terms.push({ key: p, kind: "han", word: p }) }
          })
        } else {
          if (self.english && ENGLISH_STOP.indexOf(run) !== -1 && chunks.length > 1) return
          var key = run, s = self.english ? stem(run) : run
          inChunk++
          if (!seen[key]) {
            seen[key] = 1
            terms.push({ key: key, kind: "latin", word: run, stem: s, prefix: last && run.length >= 2 })
          }
        }
      })
      var phrase = chunk.replace(/[^\u3400-\u9fff\uf900-\ufaffa-z0-9]+/g, HAN.test(chunk) ? "" : " ").trim()
      if (inChunk > 1 && phrase) phrases.push(phrase)
    })
    var whole = chunks.join(chunks.some(function (c) { return HAN.test(c) }) ? "" : " ")
    if (chunks.length > 1 && phrases.indexOf(whole) === -1) phrases.push(whole)
    return { terms: terms, phrases: phrases, whole: whole }
  }

  /* How often a term occurs in a field: Han and non-English words as substrings, English words by
     stem (the word being typed also as a prefix of a word). */
  Engine.prototype.occurrences = function (term, plainText) {
    if (term.kind === "han" || !this.english) return count(plainText, term.word)
    var found = plainText.match(term.pattern)
    return found ? found.length : 0
  }

  Engine.prototype.search = function (query) {
    var parsed = this.parse(query), terms = parsed.terms
    if (!terms.length) return { items: [] }
    if (this.english) terms.forEach(function (t) { if (t.kind === "latin") t.pattern = pattern(t) })
    var self = this, N = this.sections.length
    // Per term and section: occurrences in text, heading, page title and tags.
    var hits = terms.map(function (term) {
      var df = 0
      var pageHits = self.pages.map(function (p) {
        return {
          title: self.occurrences(term, p.plainTitle) > 0,
          tags: self.occurrences(term, p.plainTags) > 0
        }
      })
      var perSection = self.sections.map(function (s) {
        var h = {
          text: self.occurrences(term, s.plain),
          heading: s.anchor ? self.occurrences(term, s.plainTitle) > 0 : false,
          page: pageHits[s.page]
        }
        if (h.text || h.heading || h.page.title) df++
        return h
      })
      return { idf: Math.log(1 + (N - df + 0.5) / (df + 0.5)), sections: perSection, df: df }
    })
    var idfTotal = hits.reduce(function (sum, h) { return sum + h.idf }, 0)
    var scored = []
    this.sections.forEach(function (s, i) {
      var score = 0, held = 0, matched = {}
      hits.forEach(function (h, t) {
        var x = h.sections[i], tf = x.text
        var present = tf > 0 || x.heading || x.page.title
        matched[terms[t].key] = present
        if (!present && !x.page.tags) return
        if (present) held += h.idf
        var bm25 = tf ? tf * (K1 + 1) / (tf + K1 * (1 - B + B * s.plain.length / self.average)) : 0
        score += h.idf * (bm25 + (x.heading ? W_HEADING : 0) + (x.page.title ? W_PAGE_TITLE : 0) +
          (x.page.tags ? W_TAG : 0))
      })
      if (!held) return
      var page = self.pages[s.page]
      var title = s.anchor ? s.plainTitle : page.plainTitle
      parsed.phrases.forEach(function (p) {
        if (title.indexOf(p) !== -1 || page.plainTitle.indexOf(p) !== -1) score += W_PHRASE_TITLE * idfTotal
        else if (s.plain.indexOf(p) !== -1) score += W_PHRASE_TEXT * idfTotal
      })
      if (title === parsed.whole || page.plainTitle === parsed.whole) score += W_EXACT_TITLE * idfTotal
      // A title made mostly of the query (农贸市场整治 for 农贸市场) over one that only holds it.
      var cover = self.cover(terms, hits, i, title, s.anchor ? "heading" : "page")
      if (s.anchor) cover = Math.max(cover, self.cover(terms, hits, i, page.plainTitle, "page") / 2)
      score += W_TITLE_COVER * idfTotal * cover
      var share = held / idfTotal
      score *= share * share
      scored.push({ section: s, score: score, terms: matched })
    })
    // Pages: the best section, and a little for every other one.
    var groups = Object.create(null), order = []
    scored.sort(function (a, b) { return b.score - a.score })
    scored.forEach(function (r) {
      var g = groups[r.section.page]
      if (!g) { g = groups[r.section.page] = { page: r.section.page, results: [], score: r.score }; order.push(g) }
      else g.score += W_OTHER_SECTIONS * r.score
      g.results.push(r)
    })
    order.sort(function (a, b) { return b.score - a.score })
    var marker = this.highlighter(terms)
    // "Missing" means missing from the page a result shows: no section, heading, title or tag of it
    // holds the word.
    order.forEach(function (g) {
      var held = {}
      terms.forEach(function (term, t) {
        held[term.key] = self.partial || self.sections.some(function (s, i) {
          if (s.page !== g.page) return false
          var x = hits[t].sections[i]
          return x.text > 0 || x.heading || x.page.title || x.page.tags
        })
      })
      g.results.forEach(function (r) { r.terms = held })
    })
    var items = order.map(function (g) { return self.item(g, marker) })
    var result = { items: items }
    if (suggest) result.suggest = this.suggest(parsed, order[0])
    return result
  }

  /* Share of the query (by idf) found in a title, times the share of the title's letters it covers. */
  Engine.prototype.cover = function (terms, hits, i, title, where) {
    var held = 0, total = 0, letters = 0
    var size = title.replace(/[^\u3400-\u9fff\uf900-\ufaffa-z0-9]/g, "").length
    for (var t = 0; t < terms.length; t++) {
      var x = hits[t].sections[i]
      total += hits[t].idf
      if (where === "heading" ? x.heading : x.page.title) {
        held += hits[t].idf
        letters += terms[t].word.length
      }
    }
    return size && total ? held / total * Math.min(1, letters / size) : 0
  }

  /* ------------------------------------------------------------------------ results */

  Engine.prototype.highlighter = function (terms) {
    var english = this.english
    var patterns = terms.map(function (t) {
      if (t.kind === "latin" && english) return "\\b" + escapeRegExp(t.stem) + "[a-z0-9]*"
      return escapeRegExp(t.word)
    }).sort(function (a, b) { return b.length - a.length })
    var re = new RegExp(patterns.join("|"), "gi")
    return function (html) {
      var found = false
      var out = html.split(/(<[^>]*>)/).map(function (part, i) {
        if (i % 2) return part
        return part.replace(re, function (m) { found = true; return "<mark>" + m + "</mark>" })
      }).join("")
      return { html: out, found: found }
    }
  }

  /* Top-level blocks of a section's HTML, as Material's snippets show them. */
  function blocks(html) {
    var out = [], depth = 0, start = 0, re = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g, m
    while ((m = re.exec(html))) {
      if (m[1]) {
        if (--depth <= 0) { depth = 0; out.push(html.slice(start, re.lastIndex)); start = re.lastIndex }
      } else if (!m[3] && !VOID.test(m[2])) {
        if (depth === 0 && html.slice(start, m.index).trim()) { out.push(html.slice(start, m.index)); start = m.index }
        depth++
      }
    }
    if (html.slice(start).trim()) out.push(html.slice(start))
    return out
  }

  function snippet(html, marker) {
    var shown = []
    var parts = blocks(html)
    for (var i = 0; i < parts.length && shown.length < 2; i++) {
      var marked = marker(parts[i])
      if (marked.found) shown.push(marked.html)
    }
    return shown.length ? shown.join("") : html
  }

  Engine.prototype.item = function (group, marker) {
    var page = this.pages[group.page]
    var docs = group.results.map(function (r) {
      return {
        location: r.section.location,
        title: marker(r.section.title).html,
        text: snippet(r.section.text, marker),
        score: r.score,
        terms: r.terms
      }
    })
    // Material shows the page first; the page's score is the group's, so that Enter opens the first page
    // listed, and sections as good as the best one stand out, the rest fold under "more".
    var article = null
    for (var i = 0; i < docs.length; i++) if (docs[i].location === page.location) article = docs.splice(i, 1)[0]
    if (!article) {
      var intro = this.sections.filter(function (s) { return s.location === page.location })[0]
      article = { location: page.location, title: marker(page.title).html, text: intro ? intro.text : "", terms: group.results[0].terms }
    }
    var best = Math.max(article.score || 0, docs.length ? docs[0].score : 0)
    docs.forEach(function (d) { d.score = d.score >= best ? group.score : d.score * group.score / best })
    article.score = group.score
    if (page.tags.length) article.tags = page.tags
    return [article].concat(docs)
  }

  Engine.prototype.suggest = function (parsed, top) {
    if (!top || !parsed.terms.length) return []
    var last = parsed.terms[parsed.terms.length - 1].word
    var title = this.pages[top.page].plainTitle
    var candidates = HAN.test(last)
      ? title.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) || []
      : title.match(/[a-z0-9]+/g) || []
    for (var i = 0; i < candidates.length; i++) {
      var at = candidates[i].indexOf(last)
      if (at === -1) continue
      var rest = candidates[i].slice(at)
      var words = HAN.test(last) ? this.segment(rest) : [rest]
      // The word of the title that begins with what was typed, when it is longer.
      var word = ""
      for (var w = 0; w < words.length && word.length < last.length; w++) word += words[w]
      if (word.length > last.length && word.indexOf(last) === 0) return [escapeHTML(word)]
    }
    return []
  }

  /* ------------------------------------------------------------------------ protocol */

  function answer(query) {
    last = query
    postMessage({ type: RESULT, data: engine.search(query) })
  }

  function getJSON(path) {
    var url = new URL(path, root)
    return fetch(url.href).then(function (response) {
      if (!response.ok) throw new Error("search index: " + response.status + " " + url.href)
      return response.json()
    })
  }

  /* The head first, answering a waiting query from it; then the texts, answering the last query
     again from everything. */
  function load() {
    if (loading) return loading
    loading = getJSON(config.handbook.index)
      .then(function (head) {
        engine = new Engine(head)
        if (pending !== null) { var q = pending; pending = null; answer(q) }
        if (!head.texts) return done()
        return getJSON(head.texts).then(function (texts) {
          head.sections.forEach(function (section, i) { section[3] = texts[i] })
          engine = new Engine(head)
          if (last !== null && last.trim()) answer(last)
          done()
        })
      })
      .catch(function (error) {
        loading = null
        console.warn(error)
        if (pending !== null) { pending = null; postMessage({ type: RESULT, data: { items: [] } }) }
      })
    return loading
  }

  // The whole index is in: the page marks itself (search-load.js), so that one can wait for it.
  function done() {
    complete = true
    if (channel) channel.postMessage({ complete: wanted })
  }

  function listen() {
    if (typeof BroadcastChannel === "undefined") return
    // The page names the root of its language (docs/assets/search-load.js); so does the index.
    wanted = new URL(config.handbook.index.replace(/search\/[^/]*$/, ""), root).href
    channel = new BroadcastChannel("handbook-search")
    channel.onmessage = function (event) {
      if (event.data !== wanted) return
      if (complete) done()
      else load()
    }
  }

  addEventListener("message", function (event) {
    var message = event.data
    if (message.type === SETUP) {
      config = message.data.config
      suggest = !!(message.data.options && message.data.options.suggest)
      if (config.handbook && config.handbook.data) engine = new Engine(config.handbook.data)
      else listen()
      postMessage({ type: READY })
    } else if (message.type === QUERY) {
      var query = message.data || ""
      if (engine) answer(query)
      else if (!query.trim()) { last = query; postMessage({ type: RESULT, data: { items: [] } }) }
      else { pending = query; load() }
    }
  })
})()
