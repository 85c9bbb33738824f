// Reading metadata keys into Meta, with type checks and unknown-key warnings.
#include "metadata.hpp"


#include "nearest.hpp"

namespace recto {
namespace {

const std::vector<std::string>& known_keys() {
  static const std::vector<std::string> keys = {
      "title",     "subtitle",    "author",      "date",          "lang",       "rights",
      "identifier", "publisher",  "description", "subject",       "cover-image", "chapters",
      "bibliography", "theme",    "source",      "references",    "certified-by", "keywords"};
  return keys;
}

// A scalar, or a list of scalars, as strings; anything else is an error.
std::vector<std::string> strings(const std::string& key, const YamlValue& v, Diagnostics& diags) {
  std::vector<std::string> out;
  if (v.is_scalar()) {
    out.push_back(v.scalar);
  } else if (v.kind == YamlValue::Kind::sequence) {
    for (const auto& item : v.items) {
      if (item.is_scalar()) {
        out.push_back(item.scalar);
      } else if (const YamlValue* name = item.find("name"); name && name->is_scalar()) {
        out.push_back(name->scalar);
      } else {
        diags.error(item.span, "metadata-type", "'" + key + "' items must be text");
      }
    }
  } else if (v.kind == YamlValue::Kind::map) {
    diags.error(v.span, "metadata-type", "'" + key + "' must be text or a list of text");
  }
  return out;
}

std::string text(const std::string& key, const YamlValue& v, Diagnostics& diags) {
  if (v.kind == YamlValue::Kind::null) return {};
  if (!v.is_scalar()) {
    diags.error(v.span, "metadata-type", "'" + key + "' must be text");
    return {};
  }
  return v.scalar;
}

}  // namespace

const YamlValue* read_metadata(const YamlValue& yaml, Meta& meta, Diagnostics& diags) {
  if (yaml.kind == YamlValue::Kind::null) return nullptr;
  if (yaml.kind != YamlValue::Kind::map) {
    diags.error(yaml.span, "metadata-type", "metadata must be a map of keys and values");
    return nullptr;
  }
  const YamlValue* references = nullptr;
  auto set = [&](std::string& field, const std::string& key, const YamlValue& v) {
    if (field.empty()) field = text(key, v, diags);
  };
  auto set_list = [&](std::vector<std::string>& field, const std::string& key, const YamlValue& v) {
    if (field.empty()) field = strings(key, v, diags);
  };
  for (std::size_t i = 0; i < yaml.entries.size(); ++i) {
    const auto& [key, v] = yaml.entries[i];
    if (key == "title") set(meta.title, key, v);
    else if (key == "subtitle") set(meta.subtitle, key, v);
    else if (key == "author") set_list(meta.authors, key, v);
    else if (key == "date") set(meta.date, key, v);
    else if (key == "lang") set(meta.lang, key, v);
    else if (key == "rights") set(meta.rights, key, v);
    else if (key == "identifier") set(meta.identifier, key, v);
    else if (key == "publisher") set(meta.publisher, key, v);
    else if (key == "description") set(meta.description, key, v);
    else if (key == "source") set(meta.source, key, v);
    else if (key == "cover-image") set(meta.cover_image, key, v), meta.cover_image_at = v.span;
    else if (key == "theme") set(meta.theme, key, v);
    else if (key == "bibliography") set(meta.bibliography, key, v);
    else if (key == "subject" || key == "keywords") set_list(meta.subjects, key, v);
    else if (key == "chapters") set_list(meta.chapters, key, v);
    else if (key == "references") references = &v;
    else if (key == "certified-by") {
      if (!meta.extra.count(key)) meta.extra[key] = text(key, v, diags);
    } else {
      std::string guess = nearest(key, known_keys());
      diags.warning(yaml.key_spans[i], "unknown-metadata-key", "unknown metadata key '" + key + "'",
                    guess.empty() ? "" : "did you mean '" + guess + "'?");
    }
  }
  return references;
}

}  // namespace recto
