// Rendering references with per-type templates: `{field}`, `{field.}` (ends in a period unless it
// already ends in . ? or !), and `[ … ]` groups that vanish when a field inside them is empty.
#include "citation_style.hpp"

#include <cctype>
#include <map>
#include <regex>
#include <vector>

#include "utf8.hpp"

namespace recto {
namespace {

const std::map<std::string, std::string>& templates() {
  static const std::map<std::string, std::string> t = {
      {"", "[{authors.} ]{title.}[ {container-title}][ ({year})]."},
      {"article-journal", "[{authors.} ]{title.}[ {container-title}][ {volume}][, {page}][ ({year})]."},
      {"book", "[{authors.} ]{title}[ ({publication})]."},
      {"chapter", "[{authors.} ]{title.} In {container-title}[ ({editors})][ {page}][ ({publication})]."},
      {"thesis", "[{authors.} ]{title.}[ {genre},][ {publisher}][ ({year})]."},
  };
  return t;
}

std::string name_text(const Name& n) {
  if (!n.literal.empty()) return n.literal;
  std::string i = initials(n.given);
  return i.empty() ? n.family : n.family + ", " + i;
}

std::string join_names(const std::vector<Name>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " & " : (i + 1 == names.size() ? ", & " : ", ");
    out += name_text(names[i]);
  }
  return out;
}

const std::vector<Name>* names(const Reference& ref, const std::string& role) {
  auto it = ref.names.find(role);
  return it == ref.names.end() || it->second.empty() ? nullptr : &it->second;
}

std::string field(const Reference& ref, const std::string& key) {
  auto it = ref.fields.find(key);
  return it == ref.fields.end() ? std::string() : it->second;
}

std::string year(const Reference& ref) {
  auto it = ref.dates.find("issued");
  return it == ref.dates.end() || it->second.empty() ? std::string() : std::to_string(it->second.front());
}

std::string page_range(std::string pages) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i] == '-' && i > 0 && std::isdigit(static_cast<unsigned char>(pages[i - 1]))) pages.replace(i, 1, "\u2013");
  }
  return pages;
}

std::string variable(const Reference& ref, const std::string& name, bool with_authors) {
  if (name == "authors") return with_authors && names(ref, "author") ? join_names(*names(ref, "author")) : "";
  if (name == "editors") {
    const auto* eds = names(ref, "editor");
    return eds ? (eds->size() > 1 ? "eds " : "ed. ") + join_names(*eds) : "";
  }
  if (name == "year") return year(ref).empty() ? "n.d." : year(ref);
  if (name == "page") return page_range(field(ref, "page"));
  if (name == "publication") {
    std::string out;
    for (const std::string& part : {field(ref, "publisher"), field(ref, "publisher-place"), year(ref)}) {
      if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    }
    return out;
  }
  return field(ref, name);
}

bool ends_terminal(const std::string& s) {
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '?' || c == '!';
}

// Renders t[i…] up to the matching ']' (or the end); `ok` turns false when a field inside is empty.
std::string expand(const std::string& t, std::size_t& i, const Reference& ref, bool with_authors, bool& ok) {
  std::string out;
  while (i < t.size()) {
    char c = t[i];
    if (c == ']') {
      ++i;
      return out;
    }
    if (c == '[') {
      bool group_ok = true;
      std::string group = expand(t, ++i, ref, with_authors, group_ok);
      if (group_ok) out += group;
    } else if (c == '{') {
      std::size_t close = t.find('}', i);
      std::string name = t.substr(i + 1, close - i - 1);
      bool period = !name.empty() && name.back() == '.';
      if (period) name.pop_back();
      std::string value = variable(ref, name, with_authors);
      if (value.empty()) ok = false;
      if (period && !value.empty() && !ends_terminal(value)) value += '.';
      out += value;
      i = close + 1;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace

const std::string& style_template(const std::string& type) {
  auto it = templates().find(type);
  return it == templates().end() ? templates().at("") : it->second;
}

std::string render_reference(const Reference& ref, bool with_authors) {
  const std::string& t = style_template(ref.type);
  std::size_t i = 0;
  bool ok = true;
  std::string out = expand(t, i, ref, with_authors, ok);
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "..") == 0) out.pop_back();
  if (out.size() >= 2 && (out[out.size() - 2] == '?' || out[out.size() - 2] == '!') && out.back() == '.') out.pop_back();
  return out;
}

std::string render_in_text_authors(const Reference& ref) {
  const auto* authors = names(ref, "author");
  if (!authors) return field(ref, "title");
  auto family = [](const Name& n) { return n.literal.empty() ? n.family : n.literal; };
  if (authors->size() == 1) return family((*authors)[0]);
  if (authors->size() == 2) return family((*authors)[0]) + " & " + family((*authors)[1]);
  return family((*authors)[0]) + " et al.";
}

std::string initials(const std::string& given) {
  std::string out;
  bool word_start = true;
  for (std::size_t i = 0; i < given.size();) {
    std::size_t start = i;
    char32_t c = utf8::decode(given, i);
    if (c == ' ' || c == '.') {
      word_start = true;
    } else if (c == '-') {
      out += '-';
      word_start = true;
    } else if (word_start) {
      std::string letter = given.substr(start, i - start);
      if (letter.size() == 1) letter[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(letter[0])));
      out += letter + ".";
      word_start = false;
    }
  }
  return out;
}

Locator parse_locator(const std::string& suffix) {
  if (suffix.empty()) return {};  // most citations: the patterns below take 2 M instructions to compile
  static const std::regex re(
      R"(^,?\s*(pp?\.|pages?|chap\.|chapter|ch\.|sec\.|section|vol\.|volume|fig\.|figure|para\.|paragraph|l\.|line|n\.|note|no\.|col\.|bk\.|pt\.)\s*([0-9ivxlcdmIVXLCDM]+(?:\s*[-–]\s*[0-9ivxlcdmIVXLCDM]+)?)(.*)$)");
  std::smatch m;
  if (!std::regex_match(suffix, m, re)) return {"", "", suffix};
  std::string label = m[1];
  std::string value = m[2];
  static const std::regex dash(R"(\s*[-–]\s*)");
  value = std::regex_replace(value, dash, "\u2013");
  bool range = value.find("\u2013") != std::string::npos;
  if (label == "p." || label == "pp." || label == "page" || label == "pages") label = range ? "pp." : "p.";
  else if (label == "chapter" || label == "ch.") label = "chap.";
  else if (label == "section") label = "sec.";
  else if (label == "volume") label = "vol.";
  else if (label == "figure") label = "fig.";
  else if (label == "paragraph") label = "para.";
  else if (label == "line") label = "l.";
  else if (label == "note") label = "n.";
  return {label, value, m[3]};
}

}  // namespace recto
