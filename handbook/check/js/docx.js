/* Read a .docx in the browser (in the worker): the text of every paragraph of word/document.xml,
 * tables and text boxes included, one per line, exactly as handbook/check/reports.py reads it.
 * JSZip (vendored, MIT) unzips; a small tokenizer reads the XML, since a worker has no DOMParser.
 * Errors are {code} objects the page turns into a message: "doc" (old .doc format), "encrypted"
 * (password-protected), "not-docx", "corrupt", "too-large".
 */
(function (root) {
  "use strict";

  var OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  // Uncompressed size of document.xml above which the file is refused (a zip bomb, not a report).
  var MAX_XML = 64 * 1024 * 1024;

  function startsWith(bytes, prefix) {
    if (bytes.length < prefix.length) return false;
    for (var i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
    return true;
  }

  function contains(bytes, needle) {
    var first = needle[0];
    outer: for (var i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length;
                i = bytes.indexOf(first, i + 1)) {
      for (var j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }

  function utf16(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    return out;
  }

  function fail(code, detail) {
    var error = new Error(detail || code);
    error.code = code;
    return error;
  }

  /* The kind of file, from its first bytes: "zip", or a failure for OLE files and others. */
  function sniff(bytes) {
    if (startsWith(bytes, OLE)) {
      // An encrypted .docx is an OLE file with these streams (MS-OFFCRYPTO), named in UTF-16.
      if (contains(bytes, utf16("EncryptionInfo")) || contains(bytes, utf16("EncryptedPackage"))) {
        throw fail("encrypted");
      }
      throw fail("doc");
    }
    if (!startsWith(bytes, [0x50, 0x4b])) throw fail("not-docx");
    return "zip";
  }

  var ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
  var NAMED = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" };

  function decode(text) {
    return text.indexOf("&") === -1 ? text : text.replace(ENTITY, function (all, dec, hex, name) {
      if (name) return NAMED[name];
      var code = dec ? parseInt(dec, 10) : parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
  }

  var TAG = /<(\/?)w:(p|t|tab|ptab|br|cr|noBreakHyphen)(?=[\s>\/])([^>]*?)(\/?)>/g;
  var BREAK_TYPE = /\bw:type\s*=\s*["'](\w+)["']/;

  /* Paragraph texts of a document.xml string, in document order (a paragraph nested in a text
   * box comes after the paragraph that holds it, and its text is not part of that paragraph). */
  function paragraphs(xml) {
    var out = [];
    var stack = [];
    var match;
    TAG.lastIndex = 0;
    while ((match = TAG.exec(xml)) !== null) {
      var closing = match[1] === "/", name = match[2], selfClosing = match[4] === "/";
      if (name === "p") {
        if (closing) {
          stack.pop();
        } else if (!selfClosing) {
          stack.push(out.length);
          out.push([]);
        } else {
          out.push([]);
        }
        continue;
      }
      if (closing || !stack.length) continue;
      var parts = out[stack[stack.length - 1]];
      if (name === "t") {
        if (selfClosing) continue;
        var end = xml.indexOf("</w:t>", TAG.lastIndex);
        if (end === -1) break;
        parts.push(decode(xml.slice(TAG.lastIndex, end)));
        TAG.lastIndex = end + 6;
      } else if (name === "tab" || name === "ptab") {
        parts.push("\t");
      } else if (name === "br") {
        var type = BREAK_TYPE.exec(match[3]);
        if (!type || type[1] === "textWrapping") parts.push("\n");
      } else if (name === "cr") {
        parts.push("\n");
      } else if (name === "noBreakHyphen") {
        parts.push("-");
      }
    }
    return out.map(function (parts) { return parts.join(""); });
  }

  /* A Promise of the report's text (paragraphs joined by newlines). */
  function readDocx(buffer) {
    var bytes = new Uint8Array(buffer);
    try {
      sniff(bytes);
    } catch (error) {
      return Promise.reject(error);
    }
    return root.JSZip.loadAsync(buffer).catch(function (error) {
      throw fail("corrupt", String(error && error.message || error));
    }).then(function (zip) {
      var entry = zip.file("word/document.xml");
      if (!entry) throw fail("not-docx");
      var size = entry._data && entry._data.uncompressedSize;
      if (size > MAX_XML) throw fail("too-large");
      return entry.async("string").catch(function (error) {
        throw fail("corrupt", String(error && error.message || error));
      });
    }).then(function (xml) {
      return paragraphs(xml).join("\n");
    });
  }

  var api = { readDocx: readDocx, paragraphs: paragraphs, sniff: sniff };
  root.HandbookDocx = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
