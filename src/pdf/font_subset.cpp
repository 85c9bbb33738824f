// hb-subset: one plan gives both the glyph renumbering and the subset font.
#include "font_subset.hpp"

#include <hb-subset.h>

#include <memory>
#include <stdexcept>

namespace recto::pdf {

namespace {

// Tables a PDF viewer never reads from an embedded font: layout, vertical metrics, colour and
// bitmap glyphs, device metrics, signatures.
constexpr hb_tag_t kDroppedTables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('k', 'e', 'r', 'x'), HB_TAG('m', 'o', 'r', 'x'),
    HB_TAG('m', 'o', 'r', 't'), HB_TAG('f', 'e', 'a', 't'), HB_TAG('t', 'r', 'a', 'k'),
    HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('C', 'O', 'L', 'R'), HB_TAG('C', 'P', 'A', 'L'), HB_TAG('S', 'V', 'G', ' '),
    HB_TAG('s', 'b', 'i', 'x'), HB_TAG('C', 'B', 'D', 'T'), HB_TAG('C', 'B', 'L', 'C'),
    HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('S', 'T', 'A', 'T'), HB_TAG('m', 'e', 't', 'a'),
};

template <class T, void (*destroy)(T*)>
struct Destroy {
  void operator()(T* p) const { destroy(p); }
};
using Input =
    std::unique_ptr<hb_subset_input_t, Destroy<hb_subset_input_t, hb_subset_input_destroy>>;
using Plan = std::unique_ptr<hb_subset_plan_t, Destroy<hb_subset_plan_t, hb_subset_plan_destroy>>;
using Face = std::unique_ptr<hb_face_t, Destroy<hb_face_t, hb_face_destroy>>;
using Blob = std::unique_ptr<hb_blob_t, Destroy<hb_blob_t, hb_blob_destroy>>;

// The face's tables, but an empty character map. The PDF shows glyphs by id and copies text through
// its ToUnicode map, so the subset needs no 'cmap'; and hb-subset maps every character of a face's
// 'cmap' to plan a subset, 1 ms for a CJK face however few of its glyphs are kept.
hb_blob_t* table_but_cmap(hb_face_t*, hb_tag_t tag, void* face) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return hb_blob_get_empty();
  return hb_face_reference_table(static_cast<hb_face_t*>(face), tag);
}

void destroy_face(void* face) { hb_face_destroy(static_cast<hb_face_t*>(face)); }

Face without_cmap(hb_face_t* face) {
  return Face(hb_face_create_for_tables(table_but_cmap, hb_face_reference(face), destroy_face));
}

std::string bytes_of(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return std::string(data ? data : "", length);
}

}  // namespace

FontSubset subset_font(const text::FontFace& face, const std::set<std::uint32_t>& glyphs) {
  const std::string where = "pdf: subsetting " + face.path + ": ";
  unsigned glyph_count = hb_face_get_glyph_count(face.face);
  Input input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error(where + "out of memory");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (std::uint32_t g : glyphs) {
    if (g >= glyph_count) {
      throw std::runtime_error(where + "glyph " + std::to_string(g) +
                               " is not in the font (it has " + std::to_string(glyph_count) + ")");
    }
    hb_set_add(glyph_set, g);
  }
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : kDroppedTables) hb_set_add(dropped, tag);

  Face source = without_cmap(face.face);
  Plan plan(hb_subset_plan_create_or_fail(source.get(), input.get()));
  if (!plan) throw std::runtime_error(where + "hb-subset cannot plan the subset");
  FontSubset subset;
  subset.cff = face.cff;
  // The subset may hold more glyphs than asked for: the parts of composite glyphs come along.
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  const unsigned subset_size = hb_map_get_population(new_to_old);
  for (hb_codepoint_t n = 0; n < subset_size; ++n) {
    hb_codepoint_t old = hb_map_get(new_to_old, n);
    if (old == HB_MAP_VALUE_INVALID)
      throw std::runtime_error(where + "hb-subset left glyph id " + std::to_string(n) + " unused");
    subset.old_glyph.push_back(old);
  }
  for (std::uint32_t g : glyphs) {
    hb_codepoint_t n = hb_map_get(old_to_new, g);
    if (n == HB_MAP_VALUE_INVALID)
      throw std::runtime_error(where + "hb-subset dropped glyph " + std::to_string(g));
    subset.new_glyph[g] = n;
  }

  Face result(hb_subset_plan_execute_or_fail(plan.get()));
  if (!result) throw std::runtime_error(where + "hb-subset failed");
  Blob program(face.cff ? hb_face_reference_table(result.get(), HB_TAG('C', 'F', 'F', ' '))
                        : hb_face_reference_blob(result.get()));
  subset.program = bytes_of(program.get());
  if (subset.program.empty()) throw std::runtime_error(where + "hb-subset made an empty font");
  return subset;
}

unsigned subset_cost(const text::FontFace& face) { return hb_face_get_glyph_count(face.face); }

}  // namespace recto::pdf
