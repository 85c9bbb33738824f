// Error messages that name what recto was doing and libharu's own codes (hpdf_error.h).
#include "libharu_error.hpp"

#include <cstdio>
#include <stdexcept>

namespace recto::pdf {

void fail_libharu(HPDF_Doc pdf, const std::string& what, HPDF_STATUS status) {
  char codes[64];
  HPDF_STATUS code = status != HPDF_OK ? status : HPDF_GetError(pdf);
  std::snprintf(codes, sizeof codes, "error 0x%04lX, detail %ld", static_cast<unsigned long>(code),
                static_cast<long>(HPDF_GetErrorDetail(pdf)));
  throw std::runtime_error("pdf: libharu failed to " + what + ": " + codes);
}

void check_libharu(HPDF_Doc pdf, HPDF_STATUS status, const std::string& what) {
  if (status != HPDF_OK || HPDF_GetError(pdf) != HPDF_OK) fail_libharu(pdf, what, status);
}

}  // namespace recto::pdf
