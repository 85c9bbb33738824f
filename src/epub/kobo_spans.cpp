// koboSpans: text nodes cut at ICU's sentence boundaries, then numbered and wrapped as kepubify does.
#include "kobo_spans.hpp"

#include <string_view>
#include <vector>

#include "sentence_breaks.hpp"

namespace recto::epub {

namespace {

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements whose content is left as it is: shown space for space, or not text at all.
bool left_alone(pugi::xml_node e) {
  return is_one_of(e.name(), {"pre", "script", "style", "svg", "math", "audio", "video"});
}

// Elements that begin a new paragraph number (kepubify's list; an img begins one at once).
bool numbered(pugi::xml_node e) {
  return is_one_of(e.name(), {"p", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6"});
}

// Elements whose inside is an inline run of its own: a sentence does not cross their edges.
bool inline_element(pugi::xml_node e) {
  return is_one_of(e.name(), {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
                              "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                              "time", "u", "var", "br", "wbr", "img"});
}

bool all_space(std::string_view text) {
  return text.find_first_not_of(" \t\n\r\f") == std::string_view::npos;
}

// The text nodes of one inline run (a block's inline content), with where each begins in its text.
struct Run {
  std::string text;
  std::vector<std::pair<pugi::xml_node, std::size_t>> nodes;
};

// Cuts the run's text nodes where sentences end. A cut that would leave only space before it in its
// node (the space after a sentence that ended inside an inline element) is not made.
void cut_sentences(Run& run, const std::string& lang) {
  if (run.nodes.empty()) return;
  std::vector<std::size_t> ends = text::sentence_boundaries(run.text, lang);
  std::size_t e = 0;
  for (auto& [node, begin] : run.nodes) {
    std::string value = node.value();
    std::size_t end = begin + value.size();
    while (e < ends.size() && ends[e] <= begin) ++e;
    std::size_t piece = 0;  // where the current piece begins, in value
    pugi::xml_node last = node;
    for (; e < ends.size() && ends[e] < end; ++e) {
      std::size_t cut = ends[e] - begin;
      if (all_space(std::string_view(value).substr(piece, cut - piece))) continue;
      if (piece == 0) {
        node.set_value(value.substr(0, cut).c_str());
      } else {
        last = node.parent().insert_child_after(pugi::node_pcdata, last);
        last.set_value(value.substr(piece, cut - piece).c_str());
      }
      piece = cut;
    }
    if (piece > 0) node.parent().insert_child_after(pugi::node_pcdata, last).set_value(value.substr(piece).c_str());
  }
  run.text.clear();
  run.nodes.clear();
}

// Joins neighbouring text nodes, then cuts the runs of inline content below `node` into sentences.
void cut_runs(pugi::xml_node node, Run& run, const std::string& lang) {
  for (pugi::xml_node child = node.first_child(); child;) {
    pugi::xml_node next = child.next_sibling();
    if (child.type() == pugi::node_pcdata) {
      while (next && next.type() == pugi::node_pcdata) {
        child.set_value((std::string(child.value()) + next.value()).c_str());
        pugi::xml_node gone = next;
        next = next.next_sibling();
        node.remove_child(gone);
      }
      run.nodes.emplace_back(child, run.text.size());
      std::string value = child.value();
      // A line feed is a sentence boundary to ICU (UAX #29 rule SB4); in XHTML it is a space.
      for (char& c : value) c = c == '\n' || c == '\r' ? ' ' : c;
      run.text += value;
    } else if (child.type() == pugi::node_element && !left_alone(child)) {
      if (inline_element(child)) {
        if (std::string_view(child.name()) == "br") run.text += ' ';
        cut_runs(child, run, lang);
      } else {
        cut_sentences(run, lang);
        cut_runs(child, run, lang);
        cut_sentences(run, lang);
      }
    }
    child = next;
  }
}

pugi::xml_node kobo_span(pugi::xml_node before, int paragraph, int sentence) {
  pugi::xml_node span = before.parent().insert_child_before("span", before);
  span.append_attribute("class") = "koboSpan";
  span.append_attribute("id") = ("kobo." + std::to_string(paragraph) + "." + std::to_string(sentence)).c_str();
  span.append_move(before);
  return span;
}

// kepubify's numbering: a paragraph number is taken when the first span after p, a list, a table or
// a heading begins (so an element without text takes none), and at once by an image.
struct Numbering {
  int paragraph = 0, sentence = 0;
  bool next_paragraph = false;

  void wrap(pugi::xml_node node) {
    for (pugi::xml_node child = node.first_child(); child;) {
      pugi::xml_node next = child.next_sibling();
      if (child.type() == pugi::node_pcdata) {
        std::string_view text = child.value();
        if (!text.empty() && (!all_space(text) || std::string_view(node.name()) == "p")) {
          if (next_paragraph) {
            ++paragraph;
            sentence = 0;
            next_paragraph = false;
          }
          kobo_span(child, paragraph, ++sentence);
        }
      } else if (child.type() == pugi::node_element) {
        if (std::string_view(child.name()) == "img") {
          ++paragraph;
          sentence = 0;
          next_paragraph = false;
          kobo_span(child, paragraph, ++sentence);
        } else if (!left_alone(child)) {
          if (numbered(child)) next_paragraph = true;
          wrap(child);
        }
      }
      child = next;
    }
  }
};

}  // namespace

void add_kobo_spans(pugi::xml_node root, const std::string& lang) {
  Run run;
  cut_runs(root, run, lang);
  cut_sentences(run, lang);
  Numbering().wrap(root);
}

void add_kobo_markup(pugi::xml_document& doc, const std::string& lang) {
  pugi::xml_node html = doc.document_element();
  // kepubify's version of Kobo's own style: Kobo's reader sets margins on div#book-inner.
  pugi::xml_node style = html.child("head").append_child("style");
  style.append_attribute("type") = "text/css";
  style.append_attribute("class") = "kobostylehacks";
  style.append_child(pugi::node_pcdata).set_value("div#book-inner { margin-top: 0; margin-bottom: 0; }");
  pugi::xml_node body = html.child("body");
  pugi::xml_node columns = body.prepend_child("div");
  columns.append_attribute("id") = "book-columns";
  pugi::xml_node inner = columns.append_child("div");
  inner.append_attribute("id") = "book-inner";
  for (pugi::xml_node child = columns.next_sibling(); child;) {
    pugi::xml_node next = child.next_sibling();
    inner.append_move(child);
    child = next;
  }
  add_kobo_spans(body, lang);
}

}  // namespace recto::epub
