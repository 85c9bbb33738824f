// libharu's errors (sticky until reset) turned into exceptions at the call that raised them.
#pragma once

#include <hpdf.h>

#include <string>

namespace recto::pdf {

// Throws std::runtime_error("pdf: libharu failed to <what>: error 0x…, detail …"), with `status`
// or else the document's error code.
[[noreturn]] void fail_libharu(HPDF_Doc pdf, const std::string& what, HPDF_STATUS status = HPDF_OK);

// Throws unless `status` is HPDF_OK and the document holds no error.
void check_libharu(HPDF_Doc pdf, HPDF_STATUS status, const std::string& what);

// Returns `made` (an object or handle libharu just made), throwing when it is null or an error is
// set.
template <class T>
T made_by_libharu(HPDF_Doc pdf, T made, const std::string& what) {
  if (!made || HPDF_GetError(pdf) != HPDF_OK) fail_libharu(pdf, what);
  return made;
}

}  // namespace recto::pdf
