// Kobo's markup (a kepub): sentences in koboSpans, and the book-columns/book-inner wrappers.
#pragma once

#include <pugixml.hpp>
#include <string>

namespace recto::epub {

// Wraps each sentence of the text below `root` in <span class="koboSpan" id="kobo.P.S">, as kepubify
// does: a text node is cut where a sentence ends (ICU's sentence iterator, in the language, over the
// block's whole text) and each piece becomes a span, so that a sentence that crosses inline markup
// is several spans; P counts the paragraphs (p, lists, tables, headings; each image) in the file
// and S the spans in the paragraph, from 1. An image is wrapped in a span of its own paragraph.
// pre, script, style, svg and math are left as they are; whitespace is spanned only directly in a p.
void add_kobo_spans(pugi::xml_node root, const std::string& lang);

// The whole of Kobo's markup on a content document: its kobostylehacks style, the body's content in
// <div id="book-columns"><div id="book-inner">, and the spans.
void add_kobo_markup(pugi::xml_document& doc, const std::string& lang);

}  // namespace recto::epub
