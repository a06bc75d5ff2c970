/* 文稿检查 engine: the wording rules of handbook/lint/terms.py, run on plain text in the browser.
 *
 * The rules are data (assets/check/rules.js, written at build time by handbook/check/export.py from
 * data/wording.yml, data/glossary.yml and the linter's own regexes); this file is only the control
 * flow of terms.check(), step for step, so that tests/test_check_parity.py finds the same
 * findings (rule, position, suggestion) here and in the Python linter. Keep the two in step: a
 * change in terms.check() needs the same change here, and the parity test says where they differ.
 *
 * Offsets are UTF-16 code units (JavaScript string indices); the parity test converts.
 * Runs in a Web Worker, on the page's main thread and in Node (module.exports), without the DOM.
 */
(function (root) {
  "use strict";

  function compileRegex(spec, sticky) {
    return new RegExp(spec.re, spec.flags + "g" + (sticky ? "y" : ""));
  }

  function Engine(data) {
    this.data = data;
    var c = data.constants;
    this.cjkClass = "[" + c.CJK + "]";
    this.hasCjk = new RegExp(this.cjkClass, "u");
    this.halfwidth = c.HALFWIDTH;
    this.halfwidthEnd = c.HALFWIDTH_END;
    this.lexicon = null;
    this.pairs = c.PAIRS;
    this.closers = {};
    for (var opener in c.PAIRS) this.closers[c.PAIRS[opener]] = opener;
    this.re = {};
    for (var name in data.regex) this.re[name] = compileRegex(data.regex[name]);
    this.rules = data.rules;
    // Phrases by their text; the lengths that occur, ascending (terms.Wording).
    this.phrases = new Map();
    var lengths = new Set();
    var firsts = new Set();
    data.entries.forEach(function (row) {
      var entry = { wrong: row[0], right: row[1], rule: row[2], note: row[3], source: row[4],
                    exceptions: row[5], fixable: row[6] };
      if (!entry.wrong) return;
      if (!this.phrases.has(entry.wrong)) this.phrases.set(entry.wrong, []);
      this.phrases.get(entry.wrong).push(entry);
      lengths.add(entry.wrong.length);
      firsts.add(entry.wrong.charAt(0));
    }, this);
    this.lengths = Array.from(lengths).sort(function (a, b) { return a - b; });
    this.firsts = firsts;
    this.patterns = data.patterns.map(function (p) {
      return { id: p.id, regex: compileRegex(p), replace: p.replace, rule: p.rule, note: p.note,
               source: p.source };
    });
  }

  function allMatches(regex, text) {
    regex.lastIndex = 0;
    return text.matchAll(regex);
  }

  function expand(parts, match) {
    var out = "";
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      out += typeof part === "number" ? (match[part] || "") : part;
    }
    return out;
  }

  Engine.prototype.excepted = function (text, start, entry) {
    for (var i = 0; i < entry.exceptions.length; i++) {
      var exception = entry.exceptions[i];
      var offset = exception.indexOf(entry.wrong);
      while (offset !== -1) {
        var begin = start - offset;
        if (begin >= 0 && text.startsWith(exception, begin)) return true;
        offset = exception.indexOf(entry.wrong, offset + 1);
      }
    }
    return false;
  };

  /* Leftmost-longest, non-overlapping phrase matches that no exception covers (Wording.find). */
  Engine.prototype.findPhrases = function (text) {
    var hits = [];
    var size = text.length;
    var lengths = this.lengths;
    for (var start = 0; start < size; start++) {
      if (!this.firsts.has(text.charAt(start))) continue;
      for (var j = 0; j < lengths.length; j++) {
        var length = lengths[j];
        if (start + length > size) break;
        var items = this.phrases.get(text.substr(start, length));
        if (items === undefined) continue;
        for (var k = 0; k < items.length; k++) {
          if (!this.excepted(text, start, items[k])) {
            hits.push([start, start + length, items[k]]);
            break;
          }
        }
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    var result = [];
    var lastEnd = -1;
    hits.forEach(function (hit) {
      if (hit[0] >= lastEnd) {
        lastEnd = hit[1];
        result.push(hit);
      }
    });
    return result;
  };

  /* Whether text[start:end] lies inside a short “…” quotation on its line (terms._quoted). */
  function quoted(text, start, end, limit) {
    limit = limit || 20;
    var from = Math.max(0, start - limit);
    var opener = text.lastIndexOf("“", start);
    if (opener < from) return false;
    if (text.slice(opener + 1, start).indexOf("”") !== -1 || text.slice(opener, start).indexOf("\n") !== -1) {
      return false;
    }
    var closer = text.indexOf("”", Math.max(0, end - 1));
    if (closer === -1 || closer + 1 > end + limit) return false;
    var between = text.slice(end, closer);
    return between.indexOf("\n") === -1 && between.indexOf("“") === -1;
  }

  function isAsciiAlpha(ch) {
    return /^[A-Za-z]$/.test(ch);
  }

  function apostrophe(text, offset) {
    var before = offset ? text.charAt(offset - 1) : " ";
    var after = offset + 1 < text.length ? text.charAt(offset + 1) : " ";
    return isAsciiAlpha(before) && (isAsciiAlpha(after) || after === " ");
  }

  /* Findings for `text`: [{rule, start, end, message, suggestion, fix: [start, end, text] | null}]. */
  /* Findings for `text`: [{rule, start, end, message, suggestion, severity, fix}] in order of
   * position (terms._findings). Without a lexicon (still loading) the rules that need word
   * segmentation are left out: list entries of several Chinese characters and the detector;
   * `partial` in the result says so. */
  Engine.prototype.check = function (text) {
    var hits = [];
    function add(offset, rule, message, suggestion, fix, length, severity) {
      if (fix) length = fix[1] - fix[0];
      hits.push({ rule: rule, start: offset, end: offset + (length || 1), message: message,
                  suggestion: suggestion === undefined ? null : suggestion,
                  severity: severity || "error", fix: fix || null });
    }
    var prose = text;
    var lexicon = this.lexicon;
    var chinese = this.hasCjk.test(prose);
    var tokens = null;
    var self = this;

    this.findPhrases(prose).forEach(function (hit) {
      var start = hit[0], end = hit[1], entry = hit[2];
      if (quoted(prose, start, end)) return;  // a mention, as in: 不写“截止目前”
      if (entry.wrong.length > 1 && self.hasCjk.test(entry.wrong)) {
        if (!lexicon) return;
        if (tokens === null) tokens = lexicon.tokens(prose);
        if (tokens.straddles(start, end)) return;  // 法定|婚龄: the listed form straddles two words
      }
      var message = "“" + entry.wrong + "”";
      if (entry.right) message += "应为“" + entry.right + "”";
      if (entry.note) message += "：" + entry.note;
      if (entry.source) message += "（" + entry.source + "）";
      add(start, entry.rule, message, entry.right,
          entry.fixable && entry.right ? [start, end, entry.right] : null, end - start);
    });
    if (!chinese) return ordered(hits, text, this.re.URL_STOP);
    // Patterns are Chinese grammar (既……又……, 截至 + a date): Chinese text only.
    this.patterns.forEach(function (pattern) {
      for (var m of allMatches(pattern.regex, prose)) {
        if (quoted(prose, m.index, m.index + m[0].length)) continue;
        var replacement = pattern.replace ? expand(pattern.replace, m) : null;
        var mEnd = m.index + m[0].length;
        add(m.index, pattern.rule, "“" + m[0] + "”：" + pattern.note + "（" + pattern.source + "）",
            replacement, replacement ? [m.index, mEnd, replacement] : null, mEnd - m.index);
      }
    });
    if (lexicon) {
      if (tokens === null) tokens = lexicon.tokens(prose);
      var listed = new Set(hits.map(function (hit) { return hit.start; }));
      lexicon.detect(tokens, prose).forEach(function (item) {
        if (listed.has(item.start) || quoted(prose, item.start, item.end)) return;
        add(item.start, "wording-suspect",
            "“" + item.wrong + "”疑为“" + item.right + "”之误（同音或形近字；不是误写时可忽略）", item.right,
            null, item.end - item.start, "warning");
      });
    }
    this.checkPunctuation(prose, add);
    this.checkNumbers(prose, add);
    this.checkPairs(prose, add);
    var result = ordered(hits, text, this.re.URL_STOP);
    result.partial = !lexicon;
    return result;
  };

  /* The findings by offset, without those inside a web address (terms._ordered, _in_url). */
  function ordered(hits, text, urlStop) {
    if (text.indexOf("://") !== -1) {
      hits = hits.filter(function (hit) { return !inUrl(text, hit.start, urlStop); });
    }
    return hits.sort(function (a, b) {
      return a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    });
  }

  function inUrl(text, offset, urlStop) {
    var window = text.slice(Math.max(0, offset - 300), offset);
    var cut = 0;
    for (var m of allMatches(urlStop, window)) cut = m.index + m[0].length;
    var word = window.slice(cut);
    return word.indexOf("://") !== -1 || word.startsWith("www.");
  }

  Engine.prototype.checkPunctuation = function (prose, add) {
    var re = this.re, m, fixed, full;
    for (m of allMatches(re.HALF_PUNCT, prose)) {
      full = this.halfwidth[m[1]];
      add(m.index, "punct-halfwidth", "中文行文中的半角“" + m[1] + "”应为全角“" + full + "”",
          full, [m.index, m.index + 1, full]);
    }
    for (m of allMatches(re.HALF_PUNCT_END, prose)) {
      full = this.halfwidthEnd[m[1]];
      var where = m.groups.quote !== undefined ? "引号前" : "行末";
      add(m.index, "punct-halfwidth", "中文行文" + where + "的半角“" + m[1] + "”应为全角“" + full + "”",
          full, [m.index, m.index + 1, full]);
    }
    for (m of allMatches(re.HALF_PAREN, prose)) {
      fixed = "（" + m[1] + "）";
      add(m.index, "punct-halfwidth", "中文行文中的半角括号应为全角“（）”", fixed,
          [m.index, m.index + m[0].length, fixed]);
    }
    if (prose.indexOf('"') !== -1) {
      for (m of allMatches(re.HALF_QUOTE, prose)) {
        add(m.index, "punct-quote-halfwidth", "中文行文用弯引号“”，不用直引号 \"", "“”");
      }
    }
    if (prose.indexOf("…") !== -1 || prose.indexOf("...") !== -1 || prose.indexOf("。。。") !== -1) {
      for (m of allMatches(re.ELLIPSIS, prose)) {
        add(m.index, "punct-ellipsis", "省略号“" + m[0] + "”应为“……”", "……",
            [m.index, m.index + m[0].length, "……"]);
      }
    }
    for (m of allMatches(re.ORDINAL_DOT, prose)) {
      var number = m.groups.number;
      var begin = m.index + m[0].length - number.length - m.groups.dot.length;
      add(begin, "punct-ordinal", "序次语“" + number + m.groups.dot + "”应为“" + number + "、”（GB/T 15834—2011）",
          number + "、", [begin, m.index + m[0].length, number + "、"]);
    }
    for (m of allMatches(re.ORDINAL_PAREN, prose)) {
      var paren = m.groups.paren;
      var at = m.index + m[0].length - paren.length - 1;
      fixed = "（" + paren.slice(1, -1) + "）";
      add(at, "punct-ordinal", "带括号的序次语“" + paren + "”后不再加标点（GB/T 15834—2011）", fixed,
          [at, m.index + m[0].length, fixed]);
    }
  };

  Engine.prototype.checkNumbers = function (prose, add) {
    var re = this.re, m, fixed;
    var yearBad = new RegExp(re.YEAR_BAD.source, "u");
    var yearBadAll = new RegExp(re.YEAR_BAD.source, "gu");
    for (m of allMatches(re.YEAR, prose)) {
      var year = m[0], start = m.index, position = m.index + year.length;
      if (yearBad.test(year) && /[一二三四五六七八九]/.test(year) && !quoted(prose, start, position + 1)) {
        fixed = year.replace(yearBadAll, "〇");
        add(start, "number-year-zero", "汉字数字年份“" + year + "年”中的零应写作“〇”",
            fixed + "年", [start, position, fixed]);
      }
    }
    // A report is an official document: the GB/T 9704 numbering applies to all of it.
    for (m of allMatches(re.NUMBERING, prose)) {
      var number = m.groups.arabic;
      var begin = m.index + m[0].length - number.length - 1;
      add(begin, "numbering-order", "层次序数“" + number + "、”应为“" + number + ".”（GB/T 9704—2012）",
          number + ".", [begin, begin + number.length + 1, number + "."]);
    }
    var seenRanges = new Set();
    if (prose.indexOf("%") !== -1) {
      for (m of allMatches(re.RANGE_PCT, prose)) {
        if (m[2] && m[3] === "～") continue;
        fixed = m[1] + "%～" + m[4] + "%";
        seenRanges.add(m.index);
        add(m.index, "number-range", "百分数范围“" + m[0] + "”应写作“" + fixed + "”",
            fixed, [m.index, m.index + m[0].length, fixed]);
      }
    }
    if (prose.indexOf("万") !== -1 || prose.indexOf("亿") !== -1) {
      for (m of allMatches(re.RANGE_UNIT, prose)) {
        var unit1 = m[2], unit2 = m[5];
        if (unit1 === unit2 && m[3] === "～") continue;
        if (seenRanges.has(m.index)) continue;
        seenRanges.add(m.index);
        fixed = m[1] + unit2 + "～" + m[4] + unit2;
        var unambiguous = unit1 === undefined || unit1 === unit2;
        add(m.index, "number-range", "数值范围“" + m[0] + "”应写作“" + fixed + "”",
            fixed, unambiguous ? [m.index, m.index + m[0].length, fixed] : null, m[0].length);
      }
    }
    if (prose.indexOf("-") !== -1 || prose.indexOf("－") !== -1) {
      for (m of allMatches(re.RANGE_HYPHEN, prose)) {
        if (seenRanges.has(m.index)) continue;
        var dash = m.index + m[0].indexOf(m.groups.dash, m[0].search(/[-－]/u));
        add(dash, "number-range", "数值范围“" + m[0] + "”用浪纹线“～”连接，不用连字符", "～",
            [dash, dash + 1, "～"]);
      }
    }
    if (prose.indexOf("~") !== -1 || prose.indexOf("〜") !== -1) {
      var ranges = Array.from(seenRanges);
      for (m of allMatches(re.RANGE_TILDE, prose)) {
        var at = m.index;
        if (ranges.some(function (s) { return s <= at && at < s + 30; })) continue;
        add(at, "number-range", "数值范围用浪纹线“～”", "～", [at, at + 1, "～"]);
      }
    }
    if (prose.indexOf("年0") !== -1 || prose.indexOf("月0") !== -1) {
      for (m of allMatches(re.DATE_PAD, prose)) {
        add(m.index, "date-zero-pad", "日期中的月、日不补零，如“2025年3月1日”", "", [m.index, m.index + 1, ""]);
      }
    }
    if (prose.indexOf("左右") !== -1 || prose.indexOf("以上") !== -1) {
      for (m of allMatches(re.REDUNDANT, prose)) {
        var advice = m[0].endsWith("左右") ? "删去“约”或“左右”之一" : "删去“超过”或“以上”之一";
        add(m.index, "wording-redundant", "“" + m[0] + "”成分赘余：" + advice, undefined, null, m[0].length);
      }
    }
  };

  /* A sticky match of `regex` at `position` (Python's pattern.match(text, position)). */
  function matchAt(regex, text, position) {
    var sticky = new RegExp(regex.source, regex.flags.replace("g", "") + "y");
    sticky.lastIndex = position;
    return sticky.exec(text);
  }

  /* Quotes, brackets and title marks pair up within a paragraph, with the two spans GB/T
   * 15834—2011 allows: a quotation over several paragraphs, and over the items of a list
   * (terms._check_pairs, _first_mark, _carries). */
  Engine.prototype.checkPairs = function (prose, add) {
    var pairs = this.pairs, closers = this.closers, re = this.re;
    var separators = Array.from(allMatches(re.PARAGRAPH, prose));
    separators.push(null);
    function firstMark(start, end) {
      var match = matchAt(re.LEADING, prose, start);
      var offset = match ? Math.min(match.index + match[0].length, Math.max(end, start)) : start;
      if (match && match.index + match[0].length > end) offset = end;
      return offset < end ? [prose.charAt(offset), offset] : null;
    }
    function listItem(start, end) {
      var match = matchAt(re.LIST_ITEM, prose, start);
      return match !== null && match.index + match[0].length <= end;
    }
    function carries(start, end, following, nextEnd, stack) {
      var first = firstMark(following, nextEnd);
      if (first !== null && "“‘".indexOf(first[0]) !== -1 &&
          stack.every(function (item) { return item[0] === first[0]; })) return true;
      var lastLine = prose.lastIndexOf("\n", end - 1);
      lastLine = lastLine < start ? start : lastLine + 1;
      return listItem(Math.max(start, lastLine), end) || listItem(following, nextEnd);
    }
    var position = 0;
    var stack = [];
    // Openers the previous paragraph left open: a closer of their kind that this paragraph lacks
    // an opener for is their other half (a title split over two paragraphs), one finding.
    var pending = [];
    var pairChars = re.PAIR_CHARS;
    for (var number = 0; number < separators.length; number++) {
      var separator = separators[number];
      var end = separator ? separator.index : prose.length;
      var continued = false;
      var first = stack.length ? firstMark(position, end) : null;
      if (first !== null && "“‘".indexOf(first[0]) !== -1 &&
          stack.some(function (item) { return item[0] === first[0]; })) continued = true;
      var segment = prose.slice(position, end);
      for (var m of allMatches(pairChars, segment)) {
        var offset = position + m.index;
        var ch = m[0];
        if (ch === "’" && apostrophe(prose, offset)) continue;
        if (Object.prototype.hasOwnProperty.call(pairs, ch)) {
          if (continued && first !== null && offset === first[1]) {
            continued = false;
            continue;
          }
          stack.push([ch, offset]);
        } else {
          var opener = closers[ch];
          if (stack.length && stack[stack.length - 1][0] === opener) {
            stack.pop();
          } else if (stack.some(function (item) { return item[0] === opener; })) {
            while (stack.length && stack[stack.length - 1][0] !== opener) {
              var bad = stack.pop();
              add(bad[1], "punct-pair", "“" + bad[0] + "”没有对应的“" + pairs[bad[0]] + "”");
            }
            stack.pop();
          } else {
            var split = -1;
            for (var k = pending.length - 1; k >= 0; k--) if (pending[k][0] === opener) { split = k; break; }
            if (split === -1) {
              add(offset, "punct-pair", "“" + ch + "”没有对应的“" + opener + "”");
            } else {
              var half = pending.splice(split, 1)[0];
              add(half[1], "punct-pair", "“" + opener + "”和对应的“" + ch + "”分在两段：标号不跨段");
            }
          }
        }
      }
      var following = separator ? separator.index + separator[0].length : prose.length;
      var nextEnd = separator && separators[number + 1] ? separators[number + 1].index : prose.length;
      if (stack.length && separator !== null && carries(position, end, following, nextEnd, stack)) {
        position = following;
        continue;
      }
      pending.concat(separator === null ? stack : []).forEach(function (item) {
        add(item[1], "punct-pair", "“" + item[0] + "”没有对应的“" + pairs[item[0]] + "”");
      });
      pending = separator !== null ? stack : [];
      stack = [];
      position = following;
    }
  };

  Engine.prototype.run = function (text) {
    return this.check(text);
  };

  Engine.prototype.setLexicon = function (lexicon) {
    this.lexicon = lexicon;
  };

  /* ---- Word segmentation: jieba-rs's cut(text, hmm=false), as rjieba runs it for the linter
   * (handbook/lint/segment.py), on jieba's dictionary with the glossary's terms added. ---- */

  // jieba-rs is_han_default: CJK ideographs, ASCII letters and digits, + # & . _ % -
  var HAN_BLOCK = /[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{2CEB0}-\u{2EBEF}\u{2F800}-\u{2FA1F}a-zA-Z0-9+#&._%\-]+/gu;
  var ASCII_ALNUM = /^[A-Za-z0-9]$/;

  function Lexicon(data) {
    // jieba's dictionary (suspect.py reads it as is); the segmenter sees the glossary's terms
    // on top of it (segment.py adds them with add_word), and the proper prefixes of all words,
    // so that the search for words at a position stops as soon as no word goes on.
    var dictionary = new Map();
    var prefixes = new Set();
    var total = 0;
    var maxLength = 0;
    var text = data.words;
    var position = 0;
    while (position < text.length) {
      var end = text.indexOf("\n", position);
      if (end === -1) end = text.length;
      var space = text.indexOf(" ", position);
      if (space > position && space < end) {
        var word = text.slice(position, space);
        var count = +text.slice(space + 1, end);
        var old = dictionary.get(word);
        if (old !== undefined) total -= old;
        dictionary.set(word, count);
        total += count;
        if (word.length > maxLength) maxLength = word.length;
        for (var n = word.length - 1; n > 0; n--) {
          var prefix = word.slice(0, n);
          if (prefixes.has(prefix)) break;
          prefixes.add(prefix);
        }
      }
      position = end + 1;
    }
    var dictionaryTotal = total;
    var added = new Map();
    data.glossary.forEach(function (word) {
      var old = added.has(word) ? added.get(word) : dictionary.get(word);
      if (old !== undefined) total -= old;
      added.set(word, data.glossaryFrequency);
      total += data.glossaryFrequency;
      if (word.length > maxLength) maxLength = word.length;
      for (var n = 1; n < word.length; n++) prefixes.add(word.slice(0, n));
    });
    this.dictionary = dictionary;
    this.added = added;
    this.prefixes = prefixes;
    this.logTotal = Math.log(total);
    this.maxLength = maxLength;
    this.dictionaryLogTotal = Math.log(dictionaryTotal);
    this.detector = new Detector(this, data);
  }

  /* The words of one block (jieba-rs cut_dag_no_hmm). */
  Lexicon.prototype.cutBlock = function (block, words) {
    var n = block.length;
    var dictionary = this.dictionary, added = this.added, prefixes = this.prefixes;
    var logTotal = this.logTotal;
    var routeScore = new Float64Array(n + 1);
    var routeEnd = new Int32Array(n + 1);
    for (var start = n - 1; start >= 0; start--) {
      var unit = block.charCodeAt(start);
      if (unit >= 0xdc00 && unit <= 0xdfff && start > 0) {
        var high = block.charCodeAt(start - 1);
        if (high >= 0xd800 && high <= 0xdbff) continue;  // inside a character (a surrogate pair)
      }
      var best = -Infinity, bestEnd = -1;
      var limit = Math.min(n, start + this.maxLength);
      for (var end = start + 1; end <= limit; end++) {
        var piece = block.slice(start, end);
        var count = added.get(piece);
        if (count === undefined) count = dictionary.get(piece);
        if (count === undefined) {
          if (prefixes.has(piece)) continue;  // only the beginning of longer words
          break;  // no word goes on with these characters
        }
        var score = Math.log(count) - logTotal + routeScore[end];
        if (bestEnd === -1 || score >= best) {  // ties to the longer word, as Rust's max_by does
          best = score;
          bestEnd = end;
        }
      }
      if (bestEnd === -1) {
        // No word starts here: one character, ln(1) - ln(total) (a surrogate pair is one).
        bestEnd = start + (unit >= 0xd800 && unit <= 0xdbff && start + 1 < n ? 2 : 1);
        best = 0 - logTotal + routeScore[bestEnd];
      }
      routeScore[start] = best;
      routeEnd[start] = bestEnd;
    }
    var x = 0, left = -1;
    while (x < n) {
      var y = routeEnd[x];
      var piece = block.slice(x, y);
      if (ASCII_ALNUM.test(piece)) {
        if (left === -1) left = x;
      } else {
        if (left !== -1) {
          words.push(block.slice(left, x));
          left = -1;
        }
        words.push(piece);
      }
      x = y;
    }
    if (left !== -1) words.push(block.slice(left));
  };

  /* jieba-rs cut(text, false): blocks of is_han_default characters are segmented, every other
   * character is a word of its own (\r\n together). */
  Lexicon.prototype.cut = function (text) {
    var words = [];
    var last = 0;
    var self = this;
    function loose(from, to) {
      for (var i = from; i < to; i++) {
        var code = text.charCodeAt(i);
        if (code === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to) {
          words.push("\r\n");
          i += 1;
        } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
          words.push(text.slice(i, i + 2));
          i += 1;
        } else {
          words.push(text.charAt(i));
        }
      }
    }
    HAN_BLOCK.lastIndex = 0;
    var match;
    while ((match = HAN_BLOCK.exec(text)) !== null) {
      loose(last, match.index);
      self.cutBlock(match[0], words);
      last = match.index + match[0].length;
    }
    loose(last, text.length);
    return words;
  };

  Lexicon.prototype.tokens = function (text) {
    return new Tokens(this.cut(text));
  };

  Lexicon.prototype.detect = function (tokens, text) {
    return this.detector.detect(tokens, text);
  };

  /* The tokens of a text and their offsets (segment.Tokens). */
  function Tokens(words) {
    this.words = words;
    this.ends = new Array(words.length);
    var position = 0;
    for (var i = 0; i < words.length; i++) {
      position += words[i].length;
      this.ends[i] = position;
    }
  }

  Tokens.prototype.indexAt = function (offset) {
    // bisect_right(ends, offset)
    var low = 0, high = this.ends.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (offset < this.ends[mid]) high = mid; else low = mid + 1;
    }
    return low;
  };

  Tokens.prototype.isBoundary = function (offset) {
    if (offset <= 0) return true;
    var index = this.indexAt(offset - 1);
    return index >= this.ends.length || this.ends[index] === offset;
  };

  Tokens.prototype.straddles = function (start, end) {
    return !(this.isBoundary(start) && this.isBoundary(end));
  };

  /* ---- The detector of misspellings no list names (handbook/lint/suspect.py). ---- */

  var HAN_WORD = /^[\u4e00-\u9fff]+$/;

  function Detector(lexicon, data) {
    this.frequency = lexicon.dictionary;
    this.logTotal = lexicon.dictionaryLogTotal;
    this.numerals = data.numerals;
    this.threshold = data.threshold;
    this.idiomFrequency = data.idiomFrequency;
    this.minFrequency = data.minFrequency;
    var readings = new Map();
    data.readings.split("\n").forEach(function (line) {
      if (!line) return;
      var ch = line.charAt(0);
      var these = line.slice(1).split(",");
      readings.set(ch, these);
    });
    this.readings = readings;
    var idioms = new Set(data.idioms.split("\n").filter(Boolean));
    this.idioms = idioms;
    this.stop = new Set(data.stop);
    this.offered = data.offered;
    this.quiet = new Set(data.quietBefore);
    this.sure = data.sure;
    // suspect.lexicon()'s index is keyed by (mask, reading); here by mask alone, the reading
    // being checked on the few words a mask has (a quarter of the entries to build).
    var index = new Map();
    var minFrequency = data.minFrequency;
    function put(word) {
      for (var place = 0; place < word.length; place++) {
        var mask = word.slice(0, place) + "?" + word.slice(place + 1);
        var list = index.get(mask);
        if (list === undefined) index.set(mask, [word]);
        else if (list.indexOf(word) === -1) list.push(word);
      }
    }
    this.frequency.forEach(function (count, word) {
      if (word.length >= 2 && word.length <= 3 && count >= minFrequency && HAN_WORD.test(word)) put(word);
    });
    idioms.forEach(function (word) { if (word.length === 3 || word.length === 4) put(word); });
    this.index = index;
  }

  /* The words of suspect.lexicon()'s index under (mask, reading), sorted. */
  Detector.prototype.candidates = function (mask, place, reading) {
    var list = this.index.get(mask);
    if (list === undefined) return [];
    var readings = this.readings;
    return list.filter(function (word) {
      var these = readings.get(word.charAt(place));
      return these !== undefined && these.indexOf(reading) !== -1;
    }).sort();
  };

  function han(word) {
    var ch = word.charAt(0);
    return ch >= "\u4e00" && ch <= "\u9fff";
  }

  Detector.prototype.score = function (candidate, parts) {
    var frequency = this.frequency;
    var own = frequency.get(candidate) || 0;
    var value = Math.log(Math.max(own, this.idioms.has(candidate) ? this.idiomFrequency : 1));
    for (var i = 0; i < parts.length; i++) {
      var count = frequency.get(parts[i]);
      value -= Math.log(count === undefined ? 1 : count);
    }
    return value + (parts.length - 1) * this.logTotal;
  };

  /* Suspected misspellings, leftmost first (suspect.detect). */
  Detector.prototype.detect = function (tokens, text) {
    var words = tokens.words, ends = tokens.ends;
    var frequency = this.frequency, readings = this.readings, idioms = this.idioms;
    var found = [];
    var count = words.length;
    var seen = new Map();
    var after = "";
    for (var i = 0; i < count; i++) {
      var word = words[i];
      // A suspect: one character with a reading, offered by an input method, no numeral, no stop
      // character, a token of its own.
      if (word.length !== 1 || !readings.has(word) || this.stop.has(word) || this.numerals.indexOf(word) !== -1 ||
          (frequency.get(word) || 0) < this.offered) {
        continue;
      }
      var best = null;
      var left = 0;
      for (var first = i; first > Math.max(-1, i - 4); first--) {
        if (first < i) {
          var size = words[first].length;
          if (size > 3 || !han(words[first])) break;
          left += size;
          if (left > 3) break;
        }
        var length = left;
        for (var last = i; last < Math.min(count, i + 4); last++) {
          if (last > i) {
            var more = words[last].length;
            if (more > 3 || !han(words[last])) break;
            length += more;
          } else {
            length += 1;
          }
          if (length > 4) break;
          if (length < 2) continue;
          var parts = words.slice(first, last + 1);
          var span = parts.join("");
          if (frequency.has(span)) continue;
          var mask = span.slice(0, left) + "?" + span.slice(left + 1);
          var candidates = this.candidates(mask, left, readings.get(word)[0]);
          for (var c = 0; c < candidates.length; c++) {
            var candidate = candidates[c];
            if (length === 4 && !idioms.has(candidate)) continue;
            var score = this.score(candidate, parts);
            if (score >= this.threshold && (best === null || score > best.score)) {
              best = { start: ends[first] - words[first].length, end: ends[last], wrong: span,
                       right: candidate, score: score };
              after = last + 1 < count ? words[last + 1] : "";
            }
          }
        }
      }
      if (best === null) continue;
      if (this.quiet.has(after)) continue;  // 琯头社区, 乌屿菜市场: a name before a place word
      var repeats = seen.get(best.wrong);
      if (repeats === undefined) {
        repeats = occurrences(text, best.wrong);
        seen.set(best.wrong, repeats);
      }
      if (repeats > 1 && best.score < this.sure) continue;  // a form used again is likely a term
      found.push(best);
    }
    found.sort(function (a, b) {
      return a.start - b.start || b.score - a.score || (a.right < b.right ? -1 : a.right > b.right ? 1 : 0);
    });
    var kept = [];
    var lastEnd = -1;
    found.forEach(function (item) {
      if (item.start >= lastEnd) {
        kept.push(item);
        lastEnd = item.end;
      }
    });
    return kept;
  };

  /* str.count: non-overlapping occurrences. */
  function occurrences(text, part) {
    var n = 0;
    for (var at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) n += 1;
    return n;
  }

  var api = { Engine: Engine, Lexicon: Lexicon, quoted: quoted };
  root.HandbookCheck = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
