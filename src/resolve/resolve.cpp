// Running the shared passes in order: notes (citations included), References, then ids.
#include "resolve.hpp"

#include "bibliography.hpp"
#include "identifiers.hpp"
#include "notes.hpp"

namespace recto {

Document resolve(Document doc, const ResolveOptions&, Env&, Diagnostics& diags) {
  std::vector<std::string> cited = number_notes(doc);
  add_bibliography(doc, cited);
  assign_identifiers(doc, diags);
  return doc;
}

}  // namespace recto
