// Inline nodes as XHTML: text, emphasis, code, links (across files), spans, images, note references.
#include "raw_html.hpp"
#include "tree_walk.hpp"
#include "xhtml_writer.hpp"
#include "xml_text.hpp"

namespace recto::epub {

void XhtmlWriter::inlines(pugi::xml_node parent, const Inlines& xs) {
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (std::holds_alternative<RawInline>(xs[i].node)) {
      i = raw_inline(parent, xs, i);
    } else {
      inline_node(parent, xs[i]);
    }
  }
}

// An opening tag is paired with its closing tag in the same inline list, and what lies between is
// written inside the element; a void or self-closed tag stands alone; comments are dropped. Returns
// the index of the last inline used.
std::size_t XhtmlWriter::raw_inline(pugi::xml_node parent, const Inlines& xs, std::size_t i) {
  const auto& raw = std::get<RawInline>(xs[i].node);
  if (raw.format != "html") return i;
  RawTag tag = classify_raw_tag(raw.text);
  if (tag.kind == RawTag::comment) return i;
  if (tag.kind == RawTag::empty) {
    if (append_raw_element(parent, raw.text)) return i;
  } else if (tag.kind == RawTag::open) {
    int depth = 0;
    for (std::size_t j = i + 1; j < xs.size(); ++j) {
      const auto* other = std::get_if<RawInline>(&xs[j].node);
      if (!other) continue;
      RawTag t = classify_raw_tag(other->text);
      if (t.name != tag.name) continue;
      if (t.kind == RawTag::open) ++depth;
      if (t.kind == RawTag::close && depth-- == 0) {
        pugi::xml_node element = append_raw_element(parent, raw.text);
        if (!element) break;
        inlines(element, Inlines(xs.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                 xs.begin() + static_cast<std::ptrdiff_t>(j)));
        return j;
      }
    }
  }
  if (images_) {
    diags_.warning(xs[i].span, "raw-html", "HTML tag '" + raw.text + "' is left out: it is not well-formed XHTML here",
                   "pair every opening tag with its closing tag in the same paragraph");
  }
  return i;
}

void XhtmlWriter::inline_node(pugi::xml_node parent, const Inline& x) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Str>) {
          text(parent, n.text);
        } else if constexpr (std::is_same_v<T, SoftBreak>) {
          text(parent, "\n");
        } else if constexpr (std::is_same_v<T, LineBreak>) {
          parent.append_child("br");
        } else if constexpr (std::is_same_v<T, Emph>) {
          inlines(parent.append_child("em"), n.content);
        } else if constexpr (std::is_same_v<T, Strong>) {
          inlines(parent.append_child("strong"), n.content);
        } else if constexpr (std::is_same_v<T, Strikeout>) {
          inlines(parent.append_child("del"), n.content);
        } else if constexpr (std::is_same_v<T, Code>) {
          pugi::xml_node code = parent.append_child("code");
          set_attributes(code, n.attr);
          text(code, n.text);
        } else if constexpr (std::is_same_v<T, Link>) {
          pugi::xml_node a = parent.append_child("a");
          set_attributes(a, n.attr);
          a.append_attribute("href") = xml_safe(plan_.href(n.url, file_)).c_str();
          if (!n.title.empty()) a.append_attribute("title") = xml_safe(n.title).c_str();
          inlines(a, n.content);
        } else if constexpr (std::is_same_v<T, Image>) {
          pugi::xml_node img = parent.append_child("img");
          set_attributes(img, n.attr);
          img.append_attribute("src") = image_src(n.url, x.span).c_str();
          img.append_attribute("alt") = xml_safe(plain_text(n.alt)).c_str();
          if (!n.title.empty()) img.append_attribute("title") = xml_safe(n.title).c_str();
          if (marks_) marks_->skip(counted_length(n.alt));  // the typesetter prints the description
        } else if constexpr (std::is_same_v<T, Span>) {
          pugi::xml_node span = parent.append_child("span");
          set_attributes(span, n.attr);
          inlines(span, n.content);
        } else if constexpr (std::is_same_v<T, Note>) {
          // Only text inside the link: readers that pop notes up look for exactly this.
          pugi::xml_node a = parent.append_child("a");
          a.append_attribute("class") = "noteref";
          a.append_attribute("href") = (std::string(endnotes_file) + "#" + n.id).c_str();
          a.append_attribute("id") = n.ref_id.c_str();
          a.append_attribute("epub:type") = "noteref";
          a.append_attribute("role") = "doc-noteref";
          add_text(a, std::to_string(n.number));
          notes_.push_back({&n, file_, chapter_dir_});
        }
        // RawInline is handled by inlines(); Cite no longer exists after resolve/.
      },
      x.node);
}

}  // namespace recto::epub
