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
    this.yearDigits = c.YEAR_DIGITS;
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
  Engine.prototype.check = function (text) {
    var findings = [];
    var self = this;
    function add(start, end, rule, message, suggestion, fix) {
      findings.push({ rule: rule, start: start, end: end, message: message,
                      suggestion: suggestion === undefined ? null : suggestion, fix: fix || null });
    }
    var prose = text;

    this.findPhrases(prose).forEach(function (hit) {
      var start = hit[0], end = hit[1], entry = hit[2];
      if (quoted(prose, start, end)) return;  // a mention, as in: 不写“截止目前”
      var message = "“" + entry.wrong + "”";
      if (entry.right) message += "应为“" + entry.right + "”";
      if (entry.note) message += "：" + entry.note;
      if (entry.source) message += "（" + entry.source + "）";
      add(start, end, entry.rule, message, entry.right,
          entry.fixable && entry.right ? [start, end, entry.right] : null);
    });
    this.patterns.forEach(function (pattern) {
      for (var m of allMatches(pattern.regex, prose)) {
        var replacement = pattern.replace ? expand(pattern.replace, m) : null;
        var mEnd = m.index + m[0].length;
        add(m.index, mEnd, pattern.rule, "“" + m[0] + "”：" + pattern.note + "（" + pattern.source + "）",
            replacement, replacement ? [m.index, mEnd, replacement] : null);
      }
    });
    if (!this.hasCjk.test(prose)) return findings;

    var re = this.re;
    var m, fixed;
    for (m of allMatches(re.HALF_PUNCT, prose)) {
      var ch = m[1], full = this.halfwidth[ch];
      add(m.index, m.index + 1, "punct-halfwidth", "中文行文中的半角“" + ch + "”应为全角“" + full + "”",
          full, [m.index, m.index + 1, full]);
    }
    for (m of allMatches(re.HALF_PAREN, prose)) {
      fixed = "（" + m[1] + "）";
      add(m.index, m.index + m[0].length, "punct-halfwidth", "中文行文中的半角括号应为全角“（）”", fixed,
          [m.index, m.index + m[0].length, fixed]);
    }
    if (prose.indexOf('"') !== -1) {
      for (m of allMatches(re.HALF_QUOTE, prose)) {
        add(m.index, m.index + 1, "punct-quote-halfwidth", "中文行文用弯引号“”，不用直引号 \"", "“”");
      }
    }
    if (prose.indexOf("…") !== -1 || prose.indexOf("...") !== -1 || prose.indexOf("。。。") !== -1) {
      for (m of allMatches(re.ELLIPSIS, prose)) {
        add(m.index, m.index + m[0].length, "punct-ellipsis", "省略号“" + m[0] + "”应为“……”", "……",
            [m.index, m.index + m[0].length, "……"]);
      }
    }
    var yearDigits = this.yearDigits;
    var allYearDigits = function (s) {
      for (var i = 0; i < s.length; i++) if (yearDigits.indexOf(s.charAt(i)) === -1) return false;
      return true;
    };
    var yearBad = new RegExp(re.YEAR_BAD.source, "u");
    var yearBadAll = new RegExp(re.YEAR_BAD.source, "gu");
    var position = prose.indexOf("年", 4);
    while (position !== -1) {
      var start = position - 4;
      var year = prose.slice(start, position);
      if (allYearDigits(year) && (start === 0 || yearDigits.indexOf(prose.charAt(start - 1)) === -1) &&
          yearBad.test(year) && /[一二三四五六七八九]/.test(year) && !quoted(prose, start, position + 1)) {
        fixed = year.replace(yearBadAll, "〇");
        add(start, position + 1, "number-year-zero", "汉字数字年份“" + year + "年”中的零应写作“〇”",
            fixed + "年", [start, position, fixed]);
      }
      position = prose.indexOf("年", position + 1);
    }
    for (m of allMatches(re.NUMBERING, prose)) {
      var begin;
      if (m.groups.arabic !== undefined) {
        var number = m.groups.arabic;
        begin = m.index + m[1].length;
        add(begin, begin + number.length + 1, "numbering-order",
            "层次序数“" + number + "、”应为“" + number + ".”（GB/T 9704—2012）", number + ".",
            [begin, begin + number.length + 1, number + "."]);
      } else {
        var paren = m.groups.paren;
        begin = m.index + m[1].length;
        fixed = "（" + paren.slice(1, -1) + "）";
        add(begin, begin + paren.length + 1, "numbering-order",
            "层次序数“" + paren + "”后不加标点（GB/T 9704—2012）", fixed,
            [begin, begin + paren.length + 1, fixed]);
      }
    }
    var seenRanges = new Set();
    if (prose.indexOf("%") !== -1) {
      for (m of allMatches(re.RANGE_PCT, prose)) {
        if (m[2] && m[3] === "～") continue;
        fixed = m[1] + "%～" + m[4] + "%";
        seenRanges.add(m.index);
        add(m.index, m.index + m[0].length, "number-range", "百分数范围“" + m[0] + "”应写作“" + fixed + "”",
            fixed, [m.index, m.index + m[0].length, fixed]);
      }
    }
    if (prose.indexOf("万") !== -1 || prose.indexOf("亿") !== -1) {
      for (m of allMatches(re.RANGE_UNIT, prose)) {
        var unit1 = m[2], unit2 = m[5];
        if (unit1 === unit2 && m[3] === "～") continue;
        if (seenRanges.has(m.index)) continue;
        fixed = m[1] + unit2 + "～" + m[4] + unit2;
        var unambiguous = unit1 === undefined || unit1 === unit2;
        add(m.index, m.index + m[0].length, "number-range", "数值范围“" + m[0] + "”应写作“" + fixed + "”",
            fixed, unambiguous ? [m.index, m.index + m[0].length, fixed] : null);
      }
    }
    if (prose.indexOf("~") !== -1 || prose.indexOf("〜") !== -1) {
      var ranges = Array.from(seenRanges);
      for (m of allMatches(re.RANGE_TILDE, prose)) {
        var at = m.index;
        if (ranges.some(function (s) { return s <= at && at < s + 30; })) continue;
        add(at, at + 1, "number-range", "数值范围用浪纹线“～”", "～", [at, at + 1, "～"]);
      }
    }
    if (prose.indexOf("年0") !== -1 || prose.indexOf("月0") !== -1) {
      for (m of allMatches(re.DATE_PAD, prose)) {
        add(m.index, m.index + 1, "date-zero-pad", "日期中的月、日不补零，如“2025年3月1日”", "",
            [m.index, m.index + 1, ""]);
      }
    }
    if (prose.indexOf("左右") !== -1 || prose.indexOf("以上") !== -1) {
      for (m of allMatches(re.REDUNDANT, prose)) {
        var advice = m[0].endsWith("左右") ? "删去“约”或“左右”之一" : "删去“超过”或“以上”之一";
        add(m.index, m.index + m[0].length, "wording-redundant", "“" + m[0] + "”成分赘余：" + advice);
      }
    }
    this.checkPairs(prose, add);
    return findings;
  };

  /* Unpaired quotes, brackets and title marks, paragraph by paragraph (terms._check_pairs). */
  Engine.prototype.checkPairs = function (prose, add) {
    var pairs = this.pairs, closers = this.closers;
    var separators = Array.from(allMatches(this.re.PARAGRAPH, prose));
    separators.push(null);
    var position = 0;
    var pairChars = this.re.PAIR_CHARS;
    separators.forEach(function (separator) {
      var end = separator ? separator.index : prose.length;
      var stack = [];
      var segment = prose.slice(position, end);
      for (var m of allMatches(pairChars, segment)) {
        var offset = position + m.index;
        var ch = m[0];
        if (ch === "’" && apostrophe(prose, offset)) continue;
        if (Object.prototype.hasOwnProperty.call(pairs, ch)) {
          stack.push([ch, offset]);
        } else {
          var opener = closers[ch];
          if (stack.length && stack[stack.length - 1][0] === opener) {
            stack.pop();
          } else if (stack.some(function (item) { return item[0] === opener; })) {
            while (stack.length && stack[stack.length - 1][0] !== opener) {
              var bad = stack.pop();
              add(bad[1], bad[1] + 1, "punct-pair", "“" + bad[0] + "”没有对应的“" + pairs[bad[0]] + "”");
            }
            stack.pop();
          } else {
            add(offset, offset + 1, "punct-pair", "“" + ch + "”没有对应的“" + opener + "”");
          }
        }
      }
      stack.forEach(function (item) {
        add(item[1], item[1] + 1, "punct-pair", "“" + item[0] + "”没有对应的“" + pairs[item[0]] + "”");
      });
      position = separator ? separator.index + separator[0].length : end;
    });
  };

  /* Sorted as the CLI prints them: by position, then rule. */
  Engine.prototype.run = function (text) {
    var findings = this.check(text);
    findings.sort(function (a, b) {
      return a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    });
    return findings;
  };

  var api = { Engine: Engine, quoted: quoted };
  root.HandbookCheck = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
