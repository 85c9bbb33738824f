// Running the shared passes in order: notes (citations included), References, ids, then the images.
#include "resolve.hpp"

#include "bibliography.hpp"
#include "identifiers.hpp"
#include "image_check.hpp"
#include "notes.hpp"

namespace recto {

Document resolve(Document doc, const ResolveOptions&, Env& env, Diagnostics& diags) {
  std::vector<std::string> cited = number_notes(doc);
  add_bibliography(doc, cited);
  assign_identifiers(doc, diags);
  check_images(doc, env, diags);
  return doc;
}

}  // namespace recto
