// Reading CSL items: names, dates and the remaining fields as text.
#include "csl_references.hpp"

#include <cstdlib>
#include <map>

namespace recto {
namespace {

const std::vector<std::string>& name_fields() {
  static const std::vector<std::string> fields = {"author", "editor", "translator", "container-author",
                                                  "collection-editor", "director", "interviewer",
                                                  "recipient", "reviewed-author", "composer"};
  return fields;
}

const std::vector<std::string>& date_fields() {
  static const std::vector<std::string> fields = {"issued", "accessed", "original-date",
                                                  "event-date", "submitted"};
  return fields;
}

bool is_one_of(const std::string& s, const std::vector<std::string>& set) {
  for (const auto& x : set) {
    if (x == s) return true;
  }
  return false;
}

std::vector<Name> read_names(const YamlValue& v, Diagnostics& diags) {
  std::vector<Name> names;
  auto one = [&](const YamlValue& item) {
    Name n;
    if (item.is_scalar()) {
      n.literal = item.scalar;
    } else if (item.kind == YamlValue::Kind::map) {
      if (const auto* f = item.find("family")) n.family = f->scalar;
      if (const auto* g = item.find("given")) n.given = g->scalar;
      if (const auto* l = item.find("literal")) n.literal = l->scalar;
      if (n.family.empty() && n.literal.empty()) {
        diags.error(item.span, "csl-invalid", "a name needs 'family' or 'literal'");
      }
    } else {
      diags.error(item.span, "csl-invalid", "a name must be a map or text");
      return;
    }
    names.push_back(std::move(n));
  };
  if (v.kind == YamlValue::Kind::sequence) {
    for (const auto& item : v.items) one(item);
  } else {
    one(v);
  }
  return names;
}

// Integers of a date: `{date-parts: [[2019, 5]]}`, `2019`, `"2019-05-01"`.
std::vector<int> read_date(const YamlValue& v, Diagnostics& diags) {
  std::vector<int> parts;
  auto number = [&](const std::string& s, const SourceSpan& at) {
    char* end = nullptr;
    long n = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0') {
      diags.error(at, "csl-invalid", "date part '" + s + "' is not a number");
      return;
    }
    parts.push_back(static_cast<int>(n));
  };
  if (v.is_scalar()) {
    std::string s = v.scalar;
    std::size_t from = 0;
    while (from <= s.size()) {
      std::size_t dash = s.find('-', from);
      if (dash == 0) dash = s.find('-', 1);
      number(s.substr(from, dash == std::string::npos ? std::string::npos : dash - from), v.span);
      if (dash == std::string::npos) break;
      from = dash + 1;
    }
  } else if (const YamlValue* dp = v.find("date-parts"); dp && dp->kind == YamlValue::Kind::sequence &&
                                                          !dp->items.empty()) {
    const YamlValue& first = dp->items.front();
    if (first.kind == YamlValue::Kind::sequence) {
      for (const auto& p : first.items) number(p.scalar, p.span);
    } else {
      number(first.scalar, first.span);
    }
  } else if (const YamlValue* literal = v.find("literal"); literal || v.find("raw")) {
    const YamlValue* raw = literal ? literal : v.find("raw");
    return read_date(*raw, diags);
  } else {
    diags.error(v.span, "csl-invalid", "a date needs 'date-parts' or text such as 2019-05-01");
  }
  return parts;
}

}  // namespace

std::vector<Reference> read_csl(const YamlValue& yaml, Diagnostics& diags) {
  const YamlValue* list = &yaml;
  if (yaml.kind == YamlValue::Kind::map) {
    list = yaml.find("references");
    if (!list) {
      diags.error(yaml.span, "csl-invalid", "expected a list of CSL items or a 'references:' list");
      return {};
    }
  }
  std::vector<Reference> refs;
  if (list->kind == YamlValue::Kind::null) return refs;
  if (list->kind != YamlValue::Kind::sequence) {
    diags.error(list->span, "csl-invalid", "expected a list of CSL items");
    return refs;
  }
  std::map<std::string, SourceSpan> seen;
  for (const YamlValue& item : list->items) {
    if (item.kind != YamlValue::Kind::map) {
      diags.error(item.span, "csl-invalid", "a CSL item must be a map of fields");
      continue;
    }
    Reference r;
    r.span = item.span;
    for (std::size_t i = 0; i < item.entries.size(); ++i) {
      const auto& [key, v] = item.entries[i];
      if (key == "id") {
        r.id = v.scalar;
      } else if (key == "type") {
        r.type = v.scalar;
      } else if (is_one_of(key, name_fields())) {
        r.names[key] = read_names(v, diags);
      } else if (is_one_of(key, date_fields())) {
        r.dates[key] = read_date(v, diags);
      } else if (v.is_scalar()) {
        r.fields[key] = v.scalar;
      } else {
        diags.error(v.span, "csl-invalid", "CSL field '" + key + "' must be text");
      }
    }
    if (r.id.empty()) {
      diags.error(item.span, "csl-invalid", "CSL item without an 'id'");
      continue;
    }
    if (auto it = seen.find(r.id); it != seen.end()) {
      diags.error(item.key_span("id"), "duplicate-reference", "duplicate reference id '" + r.id + "'",
                  "the first one is on line " + std::to_string(it->second.line));
      continue;
    }
    seen.emplace(r.id, item.key_span("id"));
    if (r.type.empty()) r.type = "document";
    refs.push_back(std::move(r));
  }
  return refs;
}

}  // namespace recto
